using System.Globalization;
using Applicants.Contracts;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Domain;
using Financing.Application.Committees;
using Financing.Application.Financings.ApproveFinancing;
using Financing.Application.Financings.DisburseTranche;
using Financing.Application.Loans;
using Financing.Application.Programmes;
using Financing.Application.Programmes.GetProgramme;
using Financing.Contracts;
using Financing.Domain.Committees;
using Financing.Domain.Financings;
using Financing.Domain.Programmes;
using Financing.Infrastructure.Jobs;
using Financing.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Financing.Infrastructure.Seeding;

/// <summary>
/// The Decisions stage of the demo story: for each of the articles' programmes, one committee
/// session whose agenda is the programme's applications awaiting a decision (read through
/// Applicants' Contracts); it approves most with balanced plans (the holder's share at the
/// programme's rate, the grant split between the funders in proportion to their envelopes, under
/// the maximum grant), rejects one and defers one; the first tranche of every approval is paid.
/// In Dakhla every approval carries an honour loan at 0 %: each is repaid for its first instalment
/// ahead of time but the last, which starts five and a half months back (the only date the demo
/// moves, in SQL) and is half paid, so that the first ageing, at the FollowUp stage once mentors
/// are assigned, finds it in arrears and tells its mentor. A programme that already has a session is left
/// as it is, so every start is safe; with no applications awaiting, nothing is done.
/// </summary>
internal static class DemoDecisions
{
    private const string Dakhla = "ADS-INITIATIVE-DAKHLA-2025";

    private static readonly string[] Codes = ["INDH-AGR-TAOUNATE-2025", "INDH-AGR-NADOR-2025", Dakhla, "HCAR-AGR-KHEMISSET-2021"];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoDecisions));
        foreach (var code in Codes)
        {
            await SeedProgrammeAsync(services, code, logger, cancellationToken);
        }
    }

    /// <summary>The first daily ageing, once the mentors who hear of arrears are assigned.</summary>
    public static async Task AgeLoansAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LoanArrearsJob>().RunAsync(cancellationToken);
    }

    private static async Task SeedProgrammeAsync(IServiceProvider services, string code, ILogger logger, CancellationToken cancellationToken)
    {
        var rules = await SendAsync(services, new FindProgrammeByCodeQuery(code), cancellationToken);
        if (rules is null || rules.Status != nameof(ProgrammeStatus.Open))
        {
            return;
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FinancingDbContext>();
            var id = new ProgrammeId(rules.ProgrammeId);
            if (await db.Committees.AnyAsync(c => c.ProgrammeId == id, cancellationToken))
            {
                return;
            }
        }

        var applications = await SendAsync(services, new FindApplicationsAwaitingDecisionQuery(rules.ProgrammeId, 50), cancellationToken);
        if (applications.Count == 0)
        {
            return;
        }

        var programme = await SendAsync(services, new GetProgrammeQuery(rules.ProgrammeId), cancellationToken);
        var today = DateOnly.FromDateTime(MoroccanTime.ToLocal(services.GetRequiredService<TimeProvider>().GetUtcNow()).DateTime);
        var committeeId = await SendAsync(
            services,
            new ConveneCommitteeCommand(
                rules.ProgrammeId,
                today,
                ["Le gouverneur de la province (président)", "Le chef de la division de l'action sociale", .. programme.Funders.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"Représentant du bailleur {i + 1}"))],
                applications.Select(a => a.ApplicationId).ToList(),
                "Séance ouverte à 10 h, quorum atteint ; projets examinés dans l'ordre de dépôt."),
            cancellationToken);

        var rejected = applications.Count >= 2 ? applications[^1].ApplicationId : (Guid?)null;
        var deferred = applications.Count >= 3 ? applications[^2].ApplicationId : (Guid?)null;
        var approvals = 0;
        var loans = new List<Guid>();
        foreach (var application in applications)
        {
            try
            {
                if (application.ApplicationId == rejected)
                {
                    await SendAsync(services, new RecordDecisionCommand(committeeId, application.ApplicationId, DecisionOutcome.Rejected,
                        "Étude de marché insuffisante : le comité invite le porteur à redéposer un dossier complété.", null, null), cancellationToken);
                    continue;
                }

                if (application.ApplicationId == deferred)
                {
                    await SendAsync(services, new RecordDecisionCommand(committeeId, application.ApplicationId, DecisionOutcome.Deferred,
                        "Devis du matériel à actualiser avant la prochaine session.", null, null), cancellationToken);
                    continue;
                }

                var withLoan = code == Dakhla;
                var (total, lines) = BalancedPlan(programme, application, withLoan);
                await SendAsync(services, new RecordDecisionCommand(committeeId, application.ApplicationId, DecisionOutcome.Approved, null, total, lines), cancellationToken);
                approvals++;
                var financingId = await FinancingOfAsync(services, application.ApplicationId, cancellationToken);
                await SendAsync(services, new DisburseTrancheCommand(financingId, 1, today, "VIR-DEMO-" + application.ApplicationId.ToString("N")[..8].ToUpperInvariant()), cancellationToken);
                if (withLoan)
                {
                    loans.Add(financingId);
                }
            }
            catch (Exception e) when (e is BusinessRuleException or ConflictException or NotFoundException)
            {
                // A demo application whose figures the programme's rules refuse: it stays awaiting a decision.
                logger.LogWarning("Demo decision skipped in {Programme}: {Reason}", code, e.Message);
            }
        }

        await LoansInEveryStateAsync(services, loans, today, cancellationToken);
    }

    /// <summary>
    /// The project's cost (under the programme's maximum), the holder's share at the programme's
    /// rate rounded up to the centime, a quarter of the rest as an honour loan when asked, the
    /// grant (capped, the excess to the holder) split between the funders by their envelopes.
    /// </summary>
    private static (decimal Total, IReadOnlyList<PlanLineInput> Lines) BalancedPlan(ProgrammeDto programme, ApplicationForDecision application, bool withLoan)
    {
        var total = application.EstimatedTotalCost > 0m ? application.EstimatedTotalCost : 50_000.00m;
        if (programme.MaximumProjectCost is { } maximumCost && total > maximumCost)
        {
            total = maximumCost;
        }

        var own = Math.Ceiling(total * programme.OwnContributionRate * 100m) / 100m;
        var rest = total - own;
        var loan = withLoan ? decimal.Round(rest / 4m, 2, MidpointRounding.ToZero) : 0m;
        var grant = rest - loan;
        if (programme.MaximumGrant is { } maximumGrant && grant > maximumGrant)
        {
            own += grant - maximumGrant;
            grant = maximumGrant;
        }

        var shares = Money.Mad(grant).Allocate(programme.Funders.Select(f => f.Envelope.Amount).ToList());
        var lines = new List<PlanLineInput>();
        lines.AddRange(programme.Funders.Select((f, i) => new PlanLineInput(PlanLineSource.FunderGrant, f.PartnerId, shares[i].Amount)).Where(l => l.Amount > 0m));
        lines.Add(new PlanLineInput(PlanLineSource.OwnContributionCash, null, own));
        if (loan > 0m)
        {
            lines.Add(new PlanLineInput(PlanLineSource.Loan, null, loan, 0m, 27, 3));
        }

        return (total, lines);
    }

    private static async Task LoansInEveryStateAsync(IServiceProvider services, List<Guid> financings, DateOnly today, CancellationToken cancellationToken)
    {
        if (financings.Count == 0)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancingDbContext>();
        var ids = financings.Select(f => new FinancingId(f)).ToList();
        var loans = await db.Loans.AsNoTracking().Where(l => ids.Contains(l.FinancingId)).OrderBy(l => l.CreatedOn)
            .Select(l => new { l.Id, l.FinancingId, Instalments = l.Instalments.OrderBy(i => i.Number).Select(i => i.Amount).ToList() })
            .ToListAsync(cancellationToken);
        if (loans.Count == 0)
        {
            return;
        }

        // The demo's one late payer: his honour loan started five and a half months ago; he paid half
        // of his first instalment, late. With two loans or more, the first holder repaid all of his at
        // once (a Repaid loan); the others paid their first instalment ahead of time.
        var late = loans[^1];
        await db.Database.ExecuteSqlAsync(
            $"UPDATE financing.loan_instalments SET due_on = due_on - interval '5 months 15 days' WHERE loan_id = {late.Id.Value}", cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE financing.loans SET first_due_on = first_due_on - interval '5 months 15 days' WHERE id = {late.Id.Value}", cancellationToken);
        foreach (var loan in loans)
        {
            var first = loan.Instalments[0];
            var amount = loan.Id == late.Id ? Money.Mad(decimal.Round(first.Amount / 2m, 2, MidpointRounding.ToZero))
                : loan.Id == loans[0].Id && loans.Count >= 2 ? Money.Mad(loan.Instalments.Sum(m => m.Amount))
                : first;
            await SendAsync(services, new RecordRepaymentCommand(loan.Id.Value, amount.Amount, today, "REC-DEMO-" + loan.Id.Value.ToString("N")[..8].ToUpperInvariant()), cancellationToken);
        }
    }

    private static async Task<Guid> FinancingOfAsync(IServiceProvider services, Guid applicationId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancingDbContext>();
        return (await db.Financings.AsNoTracking().Where(f => f.ApplicationId == applicationId).Select(f => f.Id).FirstAsync(cancellationToken)).Value;
    }

    /// <summary>One scope (one unit of work) per message, as an HTTP request would have.</summary>
    private static async Task<T> SendAsync<T>(IServiceProvider services, IQuery<T> query, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    private static async Task<T> SendAsync<T>(IServiceProvider services, ICommand<T> command, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    private static async Task SendAsync(IServiceProvider services, ICommand command, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }
}
