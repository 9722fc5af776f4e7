using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using Financing.Application.Abstractions;
using Financing.Domain.Programmes;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Partnerships.Contracts;

namespace Financing.Application.Programmes.GetProgrammeBudget;

public sealed record GetProgrammeBudgetQuery(Guid ProgrammeId) : IQuery<ProgrammeBudgetDto>;

/// <summary>
/// Where a programme's envelope stands, per funder and in total. Amounts in MAD. Committed is what
/// approved financing plans hold of the envelope; disbursed is what tranches have paid of it;
/// remaining is the envelope less the commitments, i.e. what a committee may still approve.
/// </summary>
public sealed record ProgrammeBudgetDto : IApiExample<ProgrammeBudgetDto>
{
    /// <summary>The programme.</summary>
    public Guid ProgrammeId { get; init; }

    /// <summary>The programme's code.</summary>
    public required string Code { get; init; }

    /// <summary>The whole envelope: the sum of the funders' shares.</summary>
    public Money Envelope { get; init; }

    /// <summary>What approved plans hold of the envelope.</summary>
    public Money Committed { get; init; }

    /// <summary>What tranches have paid out.</summary>
    public Money Disbursed { get; init; }

    /// <summary>The envelope less the commitments: what may still be approved.</summary>
    public Money Remaining { get; init; }

    /// <summary>The same, funder by funder, the largest envelope first.</summary>
    public required IReadOnlyList<FunderBudgetDto> Funders { get; init; }

    public static ProgrammeBudgetDto Example { get; } = new()
    {
        ProgrammeId = ProgrammeDto.Example.Id,
        Code = ProgrammeDto.Example.Code,
        Envelope = Money.Mad(28_000_000.00m),
        Committed = Money.Mad(21_450_300.00m),
        Disbursed = Money.Mad(15_870_180.00m),
        Remaining = Money.Mad(6_549_700.00m),
        Funders =
        [
            new() { PartnerId = Guid.Parse("019ac1f4-6b2e-7c3d-9a41-5e8f2b7d0c16"), Name = "Initiative nationale pour le développement humain", NameAr = "المبادرة الوطنية للتنمية البشرية", Envelope = Money.Mad(20_000_000.00m), Committed = Money.Mad(15_320_000.00m), Disbursed = Money.Mad(11_335_000.00m), Remaining = Money.Mad(4_680_000.00m) },
            new() { PartnerId = Guid.Parse("019ac1f4-7c3f-7d4e-8b52-6f9a3c8e1d27"), Name = "Conseil provincial de Taounate", NameAr = "المجلس الإقليمي لتاونات", Envelope = Money.Mad(8_000_000.00m), Committed = Money.Mad(6_130_300.00m), Disbursed = Money.Mad(4_535_180.00m), Remaining = Money.Mad(1_869_700.00m) },
        ],
    };
}

/// <summary>One funder's part of a programme's budget, in MAD.</summary>
public sealed record FunderBudgetDto
{
    /// <summary>The funding partner organisation.</summary>
    public Guid PartnerId { get; init; }

    /// <summary>Its name in Latin letters, when it has one.</summary>
    public string? Name { get; init; }

    /// <summary>Its name in Arabic, when it has one.</summary>
    public string? NameAr { get; init; }

    /// <summary>Its share of the envelope.</summary>
    public Money Envelope { get; init; }

    /// <summary>What approved plans hold of its share.</summary>
    public Money Committed { get; init; }

    /// <summary>What tranches have paid out of its share.</summary>
    public Money Disbursed { get; init; }

    /// <summary>Its share less its commitments.</summary>
    public Money Remaining { get; init; }
}

internal sealed class GetProgrammeBudgetQueryHandler(IFinancingDbContext db, ISender sender) : IQueryHandler<GetProgrammeBudgetQuery, ProgrammeBudgetDto>
{
    public async ValueTask<ProgrammeBudgetDto> Handle(GetProgrammeBudgetQuery query, CancellationToken cancellationToken)
    {
        var id = new ProgrammeId(query.ProgrammeId);
        // The funders' running totals are kept on their rows as plans are approved and tranches
        // paid, so the budget is one small read whatever the number of financings.
        var programme = await db.Programmes.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new
            {
                p.Code,
                Funders = p.Funders.Select(f => new { f.PartnerId, f.Envelope, f.Committed, f.Disbursed }).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("programme", query.ProgrammeId);
        var partners = programme.Funders.Count == 0
            ? []
            : (await sender.Send(new FindPartnersQuery(programme.Funders.Select(f => f.PartnerId).ToList()), cancellationToken))
                .ToDictionary(p => p.PartnerId);
        var funders = programme.Funders
            .OrderByDescending(f => f.Envelope)
            .Select(f => new FunderBudgetDto
            {
                PartnerId = f.PartnerId,
                Name = partners.GetValueOrDefault(f.PartnerId)?.Name,
                NameAr = partners.GetValueOrDefault(f.PartnerId)?.NameAr,
                Envelope = f.Envelope,
                Committed = f.Committed,
                Disbursed = f.Disbursed,
                Remaining = f.Envelope - f.Committed,
            })
            .ToList();
        return new ProgrammeBudgetDto
        {
            ProgrammeId = query.ProgrammeId,
            Code = programme.Code,
            Envelope = Money.Sum(funders.Select(f => f.Envelope)),
            Committed = Money.Sum(funders.Select(f => f.Committed)),
            Disbursed = Money.Sum(funders.Select(f => f.Disbursed)),
            Remaining = Money.Sum(funders.Select(f => f.Remaining)),
            Funders = funders,
        };
    }
}
