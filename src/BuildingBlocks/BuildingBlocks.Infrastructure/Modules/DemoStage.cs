using BuildingBlocks.Infrastructure.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BuildingBlocks.Infrastructure.Modules;

/// <summary>
/// The steps of a local run's demo story, in the order the programmes live it. The host asks every
/// module for each stage in turn and hands every event raised on to its subscribers before the next
/// stage, so a later stage finds what an earlier one caused in another module (an approval's
/// mentoring project, a referral's followed project) exactly as it would in production.
/// </summary>
public enum DemoStage
{
    /// <summary>Staff accounts, partners and their conventions: what exists before any programme.</summary>
    Reference = 1,

    /// <summary>Programmes with their funders and envelopes, opened for applications.</summary>
    Programmes = 2,

    /// <summary>Persons, groups, campaigns and applications, assessed for eligibility.</summary>
    Registrations = 3,

    /// <summary>Selection committees and their decisions; financing plans, tranches and loans.</summary>
    Decisions = 4,

    /// <summary>Mentors, their assignments, visit plans and reports, trainings.</summary>
    FollowUp = 5,
}

/// <summary>Runs the demo stages in order and delivers the events between them.</summary>
public static class DemoStory
{
    /// <summary>
    /// Asks <paramref name="seed"/> for every stage in order; after each stage relays every outbox
    /// and handles every inbox until both are empty. Runs before the host starts its dispatcher.
    /// </summary>
    public static async Task TellAsync(IServiceProvider services, Func<DemoStage, Task> seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(seed);
        var relay = services.GetRequiredService<OutboxRelay>();
        var inbox = services.GetRequiredService<InboxProcessor>();
        var batch = services.GetRequiredService<IOptions<MessagingOptions>>().Value.BatchSize;
        foreach (var stage in Enum.GetValues<DemoStage>())
        {
            await seed(stage);
            while (await relay.RelayAsync(batch, cancellationToken) + await inbox.ProcessAsync(batch, cancellationToken) > 0)
            {
            }
        }
    }
}
