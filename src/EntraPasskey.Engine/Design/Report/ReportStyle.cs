namespace EntraPasskey.Engine.Design.Report
{
    /// <summary>
    /// The page's own CSS and script, inline so the report is one self-contained file that works offline. The first
    /// script counts script errors into data-script-errors (the browser test reads it); the last marks the page ready.
    /// </summary>
    internal static class ReportStyle
    {
        public const string ErrorCounter =
            "document.documentElement.setAttribute('data-script-errors','0');" +
            "window.addEventListener('error',function(){var e=document.documentElement;e.setAttribute('data-script-errors',String(Number(e.getAttribute('data-script-errors'))+1));});";

        public const string Behaviour =
            "(function(){" +
            "var buttons=document.querySelectorAll('button[data-filter]');" +
            "for(var i=0;i<buttons.length;i++){buttons[i].addEventListener('click',function(){" +
            "var severity=this.getAttribute('data-filter');var on=this.getAttribute('aria-pressed')!=='true';" +
            "this.setAttribute('aria-pressed',on?'true':'false');" +
            "var cards=document.querySelectorAll('.finding[data-severity=\"'+severity+'\"]');" +
            "for(var j=0;j<cards.length;j++){cards[j].hidden=!on;}});}" +
            "document.documentElement.setAttribute('data-ready','true');" +
            "})();";

        public const string Css = @"
:root{--ink:#1b1f24;--muted:#5b6472;--line:#d9dee5;--paper:#ffffff;--wash:#f4f6f9;
--high:#c62828;--medium:#e07a00;--low:#1e6fd9;--info:#5b6472;--unknown:#7a5af5;--pass:#2e7d32;
--blocked:#c62828;--atrisk:#e07a00;--unknownv:#8a94a3;--ready:#2e7d32}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 'Segoe UI',system-ui,-apple-system,'Helvetica Neue',Arial,sans-serif;color:var(--ink);background:var(--wash)}
header{background:linear-gradient(120deg,#0b2a4a,#164e86);color:#fff;padding:28px 40px 24px}
header h1{margin:0 0 4px;font-size:26px;font-weight:600}
header p{margin:0;opacity:.85}
main{max-width:1180px;margin:0 auto;padding:24px 40px 48px}
section{margin-top:28px}
h2{font-size:19px;margin:0 0 12px;font-weight:600}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.card{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.card .label{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card .value{font-size:28px;font-weight:600;margin-top:2px}
.card.sev-High .value{color:var(--high)}.card.sev-Medium .value{color:var(--medium)}.card.sev-Low .value{color:var(--low)}
.card.sev-Info .value{color:var(--info)}.card.sev-Unknown .value{color:var(--unknown)}.card.sev-Pass .value{color:var(--pass)}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:6px 24px;background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:14px 18px}
.facts div{display:flex;justify-content:space-between;gap:12px;border-bottom:1px dashed var(--line);padding:3px 0}
.facts dt{color:var(--muted)}.facts dd{margin:0;font-weight:600;text-align:right}
.filters{margin:0 0 12px;display:flex;gap:8px;flex-wrap:wrap}
.filters button{border:1px solid var(--line);background:var(--paper);border-radius:999px;padding:4px 12px;font:inherit;cursor:pointer}
.filters button[aria-pressed=false]{opacity:.45;text-decoration:line-through}
.finding{background:var(--paper);border:1px solid var(--line);border-left:6px solid var(--info);border-radius:10px;padding:16px 20px;margin-bottom:14px}
.finding[data-severity=High]{border-left-color:var(--high)}.finding[data-severity=Medium]{border-left-color:var(--medium)}
.finding[data-severity=Low]{border-left-color:var(--low)}.finding[data-status=Unknown]{border-left-color:var(--unknown)}
.finding .top{display:flex;align-items:baseline;gap:10px;flex-wrap:wrap}
.badge{display:inline-block;border-radius:4px;padding:1px 8px;font-size:12px;font-weight:700;color:#fff;background:var(--info)}
.badge.High{background:var(--high)}.badge.Medium{background:var(--medium)}.badge.Low{background:var(--low)}.badge.Unknown{background:var(--unknown)}
.finding h3{margin:0;font-size:16px}
.finding code{color:var(--muted);font-size:12px}
.finding .affected{margin-left:auto;text-align:right}
.finding .affected strong{font-size:22px}
.finding .affected span{display:block;color:var(--muted);font-size:12px;max-width:360px}
.finding p{margin:8px 0}
.finding .fix{background:#eef6ee;border-radius:6px;padding:8px 12px}
.finding dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;font-size:13px;margin:8px 0;color:var(--muted)}
.finding dl dd{margin:0;color:var(--ink);word-break:break-word}
.passed{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:8px 18px;columns:2}
.passed li{break-inside:avoid;padding:2px 0}
.passed li::marker{content:'\2713  ';color:var(--pass)}
.chart{background:var(--paper);border:1px solid var(--line);border-radius:10px;padding:16px 18px}
.chart svg{width:100%;height:auto;display:block}
.legend{display:flex;gap:16px;font-size:13px;color:var(--muted);margin-top:8px;flex-wrap:wrap}
.legend i{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px}
footer{color:var(--muted);font-size:12px;text-align:center;padding:0 0 24px}
a{color:#164e86}
@media print{.filters{display:none}body{background:#fff}}
";
    }
}
