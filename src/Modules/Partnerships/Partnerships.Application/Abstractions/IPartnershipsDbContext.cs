using Microsoft.EntityFrameworkCore;
using Partnerships.Domain.ApiKeys;
using Partnerships.Domain.Conventions;
using Partnerships.Domain.Partners;
using Partnerships.Domain.Projects;
using Partnerships.Domain.Webhooks;

namespace Partnerships.Application.Abstractions;

/// <summary>The module's data, as its handlers see it. Commands change tracked aggregates; the unit of work saves.</summary>
public interface IPartnershipsDbContext
{
    DbSet<Partner> Partners { get; }

    DbSet<PartnerApiKey> ApiKeys { get; }

    DbSet<Convention> Conventions { get; }

    DbSet<FollowedProject> FollowedProjects { get; }

    DbSet<WebhookEndpoint> WebhookEndpoints { get; }

    DbSet<WebhookDelivery> WebhookDeliveries { get; }

    DbContext Context { get; }
}
