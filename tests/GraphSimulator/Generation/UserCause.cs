using System.Collections.Generic;

namespace GraphSimulator.Generation;

/// <summary>Why a synthetic user can or cannot add a passkey: exactly one cause per user.</summary>
internal enum UserCause
{
    /// <summary>Targeted (through nested groups) with an MFA-capable method; some already have a passkey.</summary>
    Ready,

    /// <summary>Targeted, only a password and a usable Temporary Access Pass.</summary>
    ReadyWithTap,

    /// <summary>Member of Contractors only: no FIDO2 include target reaches them.</summary>
    NotTargeted,

    /// <summary>In a team group (included) and in Passkey Exclusions (exclusion wins).</summary>
    Excluded,

    /// <summary>A B2B guest in a targeted group.</summary>
    Guest,

    /// <summary>A targeted member whose account is disabled.</summary>
    Disabled,

    /// <summary>Targeted, only a password and an email method.</summary>
    NoMfaMethod,

    /// <summary>Targeted, only a password and an expired Temporary Access Pass.</summary>
    ExpiredTap,

    /// <summary>Targeted, only a password and a one-time Temporary Access Pass already used.</summary>
    UsedTap,

    /// <summary>Targeted, a password and one passkey as the only MFA method: nothing stops them, but no backup (AtRisk).</summary>
    SinglePasskey,
}

/// <summary>How often each cause occurs (per mille) and which reason code the engine should give it.</summary>
internal static class UserCauses
{
    public static readonly IReadOnlyList<(UserCause Cause, int PerMille)> Spread =
    [
        (UserCause.Ready, 750), (UserCause.ReadyWithTap, 10), (UserCause.NotTargeted, 60), (UserCause.Excluded, 20),
        (UserCause.Guest, 30), (UserCause.Disabled, 20), (UserCause.NoMfaMethod, 50), (UserCause.ExpiredTap, 20),
        (UserCause.UsedTap, 10), (UserCause.SinglePasskey, 30),
    ];

    /// <summary>The layer-1/layer-3 reason code today's rules give (SinglePasskeyNoBackup is AtRisk); null = Ready.</summary>
    public static string? ExpectedReason(UserCause cause) => cause switch
    {
        UserCause.NotTargeted => "UserNotTargeted",
        UserCause.Excluded => "UserExcluded",
        UserCause.Guest => "GuestUser",
        UserCause.Disabled => "AccountDisabled",
        UserCause.NoMfaMethod or UserCause.ExpiredTap or UserCause.UsedTap => "NoMfaCapableMethod",
        UserCause.SinglePasskey => "SinglePasskeyNoBackup",
        _ => null,
    };

    /// <summary>The first users get one cause each (so even a small tenant has every cause), the rest by the spread.</summary>
    public static UserCause Pick(int index, System.Random random)
    {
        if (index < Spread.Count)
        {
            return Spread[index].Cause;
        }

        var roll = random.Next(1000);
        foreach (var (cause, perMille) in Spread)
        {
            if ((roll -= perMille) < 0)
            {
                return cause;
            }
        }

        return UserCause.Ready;
    }
}
