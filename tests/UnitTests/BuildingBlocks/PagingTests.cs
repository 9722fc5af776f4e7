using BuildingBlocks.Application.Paging;
using FluentValidation;

namespace UnitTests.BuildingBlocks;

public class PagingTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Day2 = Day1.AddDays(1);

    private static readonly SortMap<Row> Sorts = new SortMap<Row>()
        .Add("name", r => r.Name)
        .Add("registeredOn", r => r.RegisteredOn)
        .TieBreaker(r => r.Id);

    private static readonly List<Row> Rows =
    [
        new(4, "b", Day1),
        new(2, "a", Day1),
        new(3, "c", Day2),
        new(1, "a", Day1),
        new(5, "a", Day2),
    ];

    [Fact]
    public void A_sort_lists_its_fields_in_order_with_their_direction()
    {
        SortParser.Parse("-registeredOn, name").Should().Equal(
            new SortField("registeredOn", true),
            new SortField("name", false));
    }

    [Fact]
    public void A_plus_sign_means_ascending_and_empty_parts_are_skipped()
    {
        SortParser.Parse("+name,,").Should().Equal(new SortField("name", false));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_sort_gives_no_fields(string? sort)
    {
        SortParser.Parse(sort).Should().BeEmpty();
    }

    [Fact]
    public void Rows_are_sorted_by_the_given_fields_then_by_the_tie_breaker()
    {
        var ids = Sorts.Apply(Rows.AsQueryable(), "-registeredOn,name", "name").Select(r => r.Id).ToList();

        ids.Should().Equal(5, 3, 1, 2, 4);
    }

    [Fact]
    public void The_default_sort_applies_when_none_is_given()
    {
        var ids = Sorts.Apply(Rows.AsQueryable(), null, "name").Select(r => r.Id).ToList();

        ids.Should().Equal(1, 2, 5, 4, 3);
    }

    [Fact]
    public void Sort_field_names_are_case_insensitive()
    {
        Sorts.Knows("RegisteredOn").Should().BeTrue();
        Sorts.Apply(Rows.AsQueryable(), "-NAME", "name").Select(r => r.Id).Should().Equal(3, 4, 1, 2, 5);
    }

    [Fact]
    public void Without_any_sort_field_the_tie_breaker_alone_orders_the_rows()
    {
        Sorts.Apply(Rows.AsQueryable(), null, string.Empty).Select(r => r.Id).Should().Equal(1, 2, 3, 4, 5);
    }

    [Fact]
    public void A_valid_paged_query_passes()
    {
        var result = new TestQueryValidator().Validate(new TestQuery(1, 200, "-registeredOn,name"));

        result.IsValid.Should().BeTrue();
    }

    [Fact]
    public void Page_zero_is_refused()
    {
        var result = new TestQueryValidator().Validate(new TestQuery(0, 20, null));

        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be(nameof(TestQuery.Page));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void A_page_size_outside_one_to_two_hundred_is_refused(int pageSize)
    {
        var result = new TestQueryValidator().Validate(new TestQuery(1, pageSize, null));

        result.Errors.Should().ContainSingle().Which.PropertyName.Should().Be(nameof(TestQuery.PageSize));
    }

    [Fact]
    public void An_unknown_sort_field_is_refused_on_the_sort_parameter_naming_the_known_fields()
    {
        var result = new TestQueryValidator().Validate(new TestQuery(1, 20, "name,-salary"));

        var error = result.Errors.Should().ContainSingle().Subject;
        error.PropertyName.Should().Be("Sort");
        error.ErrorMessage.Should().Contain("name").And.Contain("registeredOn");
    }

    private sealed record Row(int Id, string Name, DateTimeOffset RegisteredOn);

    private sealed record TestQuery(int Page, int PageSize, string? Sort) : IPagedQuery;

    private sealed class TestQueryValidator : AbstractValidator<TestQuery>
    {
        public TestQueryValidator() => this.RulesForPaging(Sorts);
    }
}
