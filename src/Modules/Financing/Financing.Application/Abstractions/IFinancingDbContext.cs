using Financing.Domain.Committees;
using Financing.Domain.Financings;
using Financing.Domain.Programmes;
using Microsoft.EntityFrameworkCore;

namespace Financing.Application.Abstractions;

/// <summary>The module's data, as its handlers see it. Commands change tracked aggregates; the unit of work saves.</summary>
public interface IFinancingDbContext
{
    DbSet<Programme> Programmes { get; }

    DbSet<ProjectFinancing> Financings { get; }

    DbSet<CommitteeSession> Committees { get; }

    DbContext Context { get; }
}
