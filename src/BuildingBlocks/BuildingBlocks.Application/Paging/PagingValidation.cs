using System.Text.RegularExpressions;
using BuildingBlocks.Domain;
using FluentValidation;

namespace BuildingBlocks.Application.Paging;

public static class PagingValidation
{
    /// <summary>The same paging and sorting rules for every list, with the error on the query parameter's name.</summary>
    public static void RulesForPaging<TQuery, TItem>(this AbstractValidator<TQuery> validator, SortMap<TItem> sorts)
        where TQuery : IPagedQuery
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(sorts);
        validator.RuleFor(q => q.Page).InclusiveBetween(1, PageDefaults.MaxPage);
        validator.RuleFor(q => q.PageSize).InclusiveBetween(1, PageDefaults.MaxPageSize);
        validator.RuleFor(q => q.Sort)
            .Matches(sorts.Pattern, RegexOptions.IgnoreCase)
            .WithMessage(_ => new LocalizedText(
                $"Unknown sort field; sort by one of: {string.Join(", ", sorts.Names)}.",
                $"Champ de tri inconnu ; triez par : {string.Join(", ", sorts.Names)}.",
                $"حقل ترتيب غير معروف؛ رتب حسب: {string.Join("، ", sorts.Names)}.").ToString())
            .When(q => !string.IsNullOrWhiteSpace(q.Sort));
    }
}
