using BuildingBlocks.Infrastructure.Persistence;
using Financing.Application.Abstractions;
using Financing.Domain.Committees;
using Financing.Domain.Financings;
using Financing.Domain.Loans;
using Financing.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Financing.Infrastructure.Persistence;

/// <summary>The financing schema: programmes and their funders, approved financings with their plans and tranches, with the module's outbox and inbox.</summary>
internal sealed class FinancingDbContext(DbContextOptions<FinancingDbContext> options)
    : ModuleDbContext(options), IFinancingDbContext
{
    public const string SchemaName = "financing";

    public override string Schema => SchemaName;

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<ProjectFinancing> Financings => Set<ProjectFinancing>();

    public DbSet<CommitteeSession> Committees => Set<CommitteeSession>();

    public DbSet<Loan> Loans => Set<Loan>();

    public DbContext Context => this;

    public async Task<IReadOnlyList<LoanBucketTotal>> LoanBucketsAsync(Guid programmeId, CancellationToken cancellationToken) =>
        await Database.SqlQuery<LoanBucketTotal>($"""
            SELECT arrears_bucket AS bucket, count(*)::int AS loans, coalesce(sum(outstanding_principal), 0) AS outstanding, max(aged_on) AS aged
            FROM financing.loans WHERE programme_id = {programmeId} AND status = 'Active'
            GROUP BY arrears_bucket
            """).ToListAsync(cancellationToken);
}
