using Financing.Domain.Committees;
using Financing.Domain.Financings;
using Financing.Domain.Loans;
using Financing.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Abstractions;

/// <summary>The module's data, as its handlers see it. Commands change tracked aggregates; the unit of work saves.</summary>
public interface IFinancingDbContext
{
    DbSet<Programme> Programmes { get; }

    DbSet<ProjectFinancing> Financings { get; }

    DbSet<CommitteeSession> Committees { get; }

    DbSet<Loan> Loans { get; }

    DbContext Context { get; }

    /// <summary>A programme's active loans by arrears bucket, in one grouped read.</summary>
    Task<IReadOnlyList<LoanBucketTotal>> LoanBucketsAsync(Guid programmeId, CancellationToken cancellationToken);
}

/// <summary>The active loans of one arrears bucket: how many, their outstanding principal, and when they were last aged.</summary>
public sealed class LoanBucketTotal
{
    public string Bucket { get; init; } = string.Empty;

    public int Loans { get; init; }

    public decimal Outstanding { get; init; }

    public DateOnly? Aged { get; init; }
}
