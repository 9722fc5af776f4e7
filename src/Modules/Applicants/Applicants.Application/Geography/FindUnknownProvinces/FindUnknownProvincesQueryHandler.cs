using Applicants.Application.Abstractions;
using Applicants.Contracts;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Geography.FindUnknownProvinces;

internal sealed class FindUnknownProvincesQueryValidator : AbstractValidator<FindUnknownProvincesQuery>
{
    public FindUnknownProvincesQueryValidator() => RuleFor(q => q.Codes).NotNull();
}

internal sealed class FindUnknownProvincesQueryHandler(IApplicantsDbContext db) : IQueryHandler<FindUnknownProvincesQuery, IReadOnlyCollection<string>>
{
    public async ValueTask<IReadOnlyCollection<string>> Handle(FindUnknownProvincesQuery query, CancellationToken cancellationToken)
    {
        var asked = query.Codes.Where(c => c is not null).Distinct(StringComparer.Ordinal).ToList();
        if (asked.Count == 0)
        {
            return [];
        }

        var known = await db.Provinces.AsNoTracking().Where(p => asked.Contains(p.Code)).Select(p => p.Code).ToListAsync(cancellationToken);
        return [.. asked.Except(known, StringComparer.Ordinal)];
    }
}
