using Mentoring.Domain.Projects;

namespace UnitTests.Mentoring;

public sealed class FollowUpScheduleTests
{
    [Fact]
    public void The_default_plan_is_monthly_for_six_months_then_quarterly_to_month_24()
    {
        var plan = FollowUpSchedule.Plan(new DateOnly(2026, 11, 26), 6, 24);

        plan.Select(v => v.Month).Should().Equal(1, 2, 3, 4, 5, 6, 9, 12, 15, 18, 21, 24);
        plan.Select(v => v.Number).Should().Equal(Enumerable.Range(1, 12));
        plan[0].DueOn.Should().Be(new DateOnly(2026, 12, 26));
        plan[^1].DueOn.Should().Be(new DateOnly(2028, 11, 26));
    }

    [Fact]
    public void A_day_missing_from_a_short_month_falls_on_its_last_day()
    {
        FollowUpSchedule.Plan(new DateOnly(2027, 1, 31), 1, 1).Single().DueOn.Should().Be(new DateOnly(2027, 2, 28));
    }

    [Theory]
    [InlineData(0, 12, new[] { 3, 6, 9, 12 })]
    [InlineData(3, 3, new[] { 1, 2, 3 })]
    [InlineData(-1, 24, new[] { 1, 2, 3, 4, 5, 6, 9, 12, 15, 18, 21, 24 })]
    [InlineData(6, 0, new[] { 1, 2, 3, 4, 5, 6, 9, 12, 15, 18, 21, 24 })]
    public void Other_policies_and_nonsense_ones(int monthly, int until, int[] months) =>
        FollowUpSchedule.Plan(new DateOnly(2026, 1, 15), monthly, until).Select(v => v.Month).Should().Equal(months);
}
