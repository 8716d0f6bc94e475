using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace EntraPasskey.Engine.Design.Report
{
    /// <summary>
    /// The prevention-design report as one self-contained HTML page (inline CSS, SVG and script; no external
    /// resource, so it opens offline and mails as one file): the tenant at a glance, departures by severity with the
    /// users they reach, what could not be judged, what passed, and, when verdicts were given, a chart of them.
    /// </summary>
    public static class HtmlReport
    {
        private static readonly DesignSeverity[] Severities = { DesignSeverity.High, DesignSeverity.Medium, DesignSeverity.Low, DesignSeverity.Info };

        public static string Render(PolicyDesignReport report, VerdictTally? verdicts, string moduleVersion)
        {
            var failed = report.Findings.Where(f => f.Status == FindingStatus.Fail).ToList();
            var unknown = report.Findings.Where(f => f.Status == FindingStatus.Unknown).ToList();
            var passed = report.Findings.Where(f => f.Status == FindingStatus.Pass).ToList();
            var tenant = report.Tenant;

            var page = new StringBuilder();
            page.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
            page.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
            page.Append($"<script>{ReportStyle.ErrorCounter}</script>");
            page.Append($"<title>Passkey prevention design — {Html.Text(tenant.TenantId)}</title>");
            page.Append($"<style>{ReportStyle.Css}</style></head><body>");
            page.Append("<header><h1>Passkey prevention design</h1>");
            page.Append($"<p>Tenant <strong>{Html.Text(tenant.TenantId ?? "unknown")}</strong> · checked {Html.Text(tenant.CheckedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))} · {report.Findings.Count} checks</p></header><main>");

            page.Append("<section id=\"summary\"><h2>At a glance</h2><div class=\"cards\">");
            foreach (var severity in Severities)
            {
                page.Append(Card(severity.ToString(), severity.ToString(), failed.Count(f => f.Severity == severity), $"data-severity=\"{severity}\""));
            }

            page.Append(Card("Unknown", "Could not judge", unknown.Count, "data-status=\"Unknown\""));
            page.Append(Card("Pass", "Meets the design", passed.Count, "data-status=\"Pass\""));
            page.Append("</div></section>");

            page.Append("<section id=\"tenant\"><h2>Tenant</h2><dl class=\"facts\">");
            page.Append(Fact("Users", tenant.Users is int users ? Html.Number(users) : "not counted"));
            page.Append(Fact("Passkeys (FIDO2)", tenant.Passkeys));
            page.Append(Fact("Passkey profiles", tenant.PasskeyProfiles.ToString(CultureInfo.InvariantCulture)));
            page.Append(Fact("Registration campaign", tenant.Campaign));
            page.Append(Fact("Security defaults", tenant.SecurityDefaults));
            page.Append(Fact("Legacy policy migration", tenant.MigrationState));
            page.Append(Fact("Users in the registration report", tenant.UsersInRegistrationReport is int inReport ? Html.Number(inReport) : "not read"));
            page.Append(Fact("Passkey (FIDO2) policy size", tenant.PolicySize is { } size ? $"{Html.Number(size.PasskeyBytes / 1024.0)} KB of 20 KB" : "not measured"));
            page.Append(Fact("Other methods' policy size", tenant.PolicySize is { } rest ? $"{Html.Number(rest.OtherMethodsBytes / 1024.0)} KB of 20 KB" : "not measured"));
            page.Append("</dl></section>");

            page.Append("<section id=\"findings\"><h2>Departures from the design, by severity</h2>");
            if (failed.Count == 0)
            {
                page.Append("<p>None: the tenant meets every check that could be judged.</p>");
            }
            else
            {
                page.Append("<div class=\"filters\">");
                foreach (var severity in Severities.Where(s => failed.Any(f => f.Severity == s)))
                {
                    page.Append($"<button type=\"button\" data-filter=\"{severity}\" aria-pressed=\"true\">{severity} ({failed.Count(f => f.Severity == severity)})</button>");
                }

                page.Append("</div>");
                foreach (var finding in failed)
                {
                    page.Append(FindingCard(finding));
                }
            }

            page.Append("</section>");
            if (unknown.Count > 0)
            {
                page.Append("<section id=\"unknown\"><h2>Could not be judged</h2>");
                foreach (var finding in unknown)
                {
                    page.Append(FindingCard(finding));
                }

                page.Append("</section>");
            }

            if (verdicts != null && verdicts.Total > 0)
            {
                page.Append($"<section id=\"verdicts\" data-total=\"{verdicts.Total}\"><h2>Test-EntraPasskey verdicts by layer and owner queue ({Html.Number(verdicts.Total)} users)</h2><div class=\"chart\">");
                page.Append(VerdictChart.Render(verdicts));
                page.Append("<div class=\"legend\"><span><i style=\"background:var(--blocked)\"></i>Blocked</span><span><i style=\"background:var(--atrisk)\"></i>AtRisk</span>");
                page.Append("<span><i style=\"background:var(--unknownv)\"></i>Unknown</span><span><i style=\"background:var(--ready)\"></i>Ready</span></div></div></section>");
            }

            page.Append($"<section id=\"passed\"><h2>Meets the design ({passed.Count})</h2><ul class=\"passed\">");
            foreach (var finding in passed)
            {
                page.Append($"<li data-check=\"{Html.Text(finding.CheckId)}\">{Html.Text(finding.Title)} <code>{Html.Text(finding.CheckId)}</code></li>");
            }

            page.Append("</ul></section></main>");
            page.Append($"<footer>EntraPasskey {Html.Text(moduleVersion)} · Test-PasskeyPolicyDesign · checks and fixes: Get-Help about_EntraPasskey</footer>");
            page.Append($"<script>{ReportStyle.Behaviour}</script></body></html>");
            return page.ToString();
        }

        private static string Card(string kind, string label, int count, string data) =>
            $"<div class=\"card sev-{kind}\" {data}><div class=\"label\">{Html.Text(label)}</div><div class=\"value\">{Html.Number(count)}</div></div>";

        private static string Fact(string name, string value) => $"<div><dt>{Html.Text(name)}</dt><dd>{Html.Text(value)}</dd></div>";

        private static string FindingCard(PolicyDesignFinding finding)
        {
            var card = new StringBuilder();
            var badge = finding.Status == FindingStatus.Unknown ? "Unknown" : finding.Severity.ToString();
            card.Append($"<article class=\"finding\" data-check=\"{Html.Text(finding.CheckId)}\" data-severity=\"{finding.Severity}\" data-status=\"{finding.Status}\"");
            card.Append(finding.AffectedUsers is int data ? $" data-affected=\"{data}\">" : ">");
            card.Append($"<div class=\"top\"><span class=\"badge {badge}\">{badge}</span><h3>{Html.Text(finding.Title)}</h3><code>{Html.Text(finding.CheckId)}</code>");
            if (finding.AffectedUsers is int affected)
            {
                card.Append($"<div class=\"affected\"><strong>{Html.Number(affected)}</strong> affected users<span>{Html.Text(finding.AffectedUsersBasis)}</span></div>");
            }
            else if (finding.AffectedUsersBasis != null)
            {
                card.Append($"<div class=\"affected\"><strong>?</strong> affected users<span>{Html.Text(finding.AffectedUsersBasis)}</span></div>");
            }

            card.Append("</div>");
            card.Append($"<p>{Html.Text(finding.Problem)}</p>");
            if (finding.Remediation != null)
            {
                card.Append($"<p class=\"fix\"><strong>Fix:</strong> {Html.Text(finding.Remediation)}</p>");
            }

            if (finding.Evidence.Count > 0)
            {
                card.Append("<dl>");
                foreach (var pair in finding.Evidence)
                {
                    card.Append($"<dt>{Html.Text(pair.Key)}</dt><dd>{Html.Text(pair.Value)}</dd>");
                }

                card.Append("</dl>");
            }

            card.Append($"<p><a href=\"{Html.Text(finding.Documentation.AbsoluteUri)}\">Microsoft documentation</a></p></article>");
            return card.ToString();
        }
    }
}
