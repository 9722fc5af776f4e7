using Applicants.Contracts;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Persistence;
using BuildingBlocks.Domain;
using Financing.Application.Abstractions;
using Financing.Domain.Programmes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Contracts;

namespace Financing.Application.Programmes;

/// <summary>
/// What a programme names outside itself is checked where it is kept: provinces against
/// Applicants' reference geography, funders against Partnerships' partners, both through their
/// Contracts; and its code against the other programmes.
/// </summary>
internal static class ProgrammeReferences
{
    public static async Task EnsureKnownAsync(ISender sender, ProgrammeDetails details, CancellationToken cancellationToken)
    {
        if (details.ProvinceCodes.Count > 0)
        {
            var unknown = await sender.Send(new FindUnknownProvincesQuery(details.ProvinceCodes.Distinct(StringComparer.Ordinal).ToList()), cancellationToken);
            if (unknown.Count > 0)
            {
                var codes = string.Join(", ", unknown.Order(StringComparer.Ordinal));
                throw new BusinessRuleException(
                    "programme.unknown-provinces",
                    new LocalizedText(
                        $"No province or prefecture has these codes: {codes}.",
                        $"Aucune province ou préfecture n'a ces codes : {codes}.",
                        $"لا يوجد إقليم أو عمالة بهذه الرموز: {codes}."));
            }
        }

        var partnerIds = details.Funders.Select(f => f.PartnerId).Distinct().ToList();
        if (partnerIds.Count > 0)
        {
            var found = await sender.Send(new FindPartnersQuery(partnerIds), cancellationToken);
            var missing = partnerIds.Except(found.Select(p => p.PartnerId)).ToList();
            if (missing.Count > 0)
            {
                var ids = string.Join(", ", missing);
                throw new BusinessRuleException(
                    "programme.unknown-funders",
                    new LocalizedText(
                        $"No partner organisation has these ids: {ids}.",
                        $"Aucun partenaire n'a ces identifiants : {ids}.",
                        $"لا توجد منظمة شريكة بهذه المعرفات: {ids}."));
            }
        }
    }

    /// <summary>The unique index on <see cref="Programme.Code"/>.</summary>
    public const string CodeIndex = "ix_programmes_code";

    /// <summary>
    /// Leaves a code another programme has to the unique index (no query before the write,
    /// <see cref="IUniqueKeys"/>); the refusal is a 409 pointing at that programme.
    /// </summary>
    public static void CodeMustBeFree(IUniqueKeys uniqueKeys, IFinancingDbContext db, Programme programme) =>
        uniqueKeys.Explain(CodeIndex, async cancellationToken =>
        {
            var (code, id) = (programme.Code, programme.Id);
            var existing = await db.Programmes.AsNoTracking()
                .Where(p => p.Code == code && p.Id != id)
                .Select(p => (Guid?)p.Id.Value)
                .FirstOrDefaultAsync(cancellationToken);
            return existing is not { } holder ? null : new ConflictException(
                "programme.code-taken",
                new LocalizedText(
                    "Another programme has this code.",
                    "Un autre programme porte ce code.",
                    "يوجد برنامج آخر بهذا الرمز."),
                $"/api/v1/programmes/{holder}");
        });
}
