namespace Mentoring.Domain.Projects;

/// <summary>
/// The visits of a follow-up plan: one a month for the first <c>monthly</c> months, then one a
/// quarter until month <c>until</c> (6 and 24 by default: months 1–6, 9, 12, … 24, twelve visits).
/// Due dates count calendar months from the assignment day; a day missing from a short month
/// falls on its last day (31 January + 1 month = 28 or 29 February).
/// </summary>
public static class FollowUpSchedule
{
    public const int DefaultMonthly = 6;
    public const int DefaultUntil = 24;
    public const int LongestPlan = 60;

    public static IReadOnlyList<(int Number, int Month, DateOnly DueOn)> Plan(DateOnly start, int monthly, int until)
    {
        if (monthly < 0 || until < 1 || until > LongestPlan || monthly > until)
        {
            (monthly, until) = (DefaultMonthly, DefaultUntil);
        }

        var months = new List<int>();
        for (var month = 1; month <= monthly; month++)
        {
            months.Add(month);
        }

        for (var month = Math.Max(monthly, 0) + 3; month <= until; month += 3)
        {
            months.Add(month);
        }

        return months.Select((month, index) => (index + 1, month, start.AddMonths(month))).ToList();
    }
}
