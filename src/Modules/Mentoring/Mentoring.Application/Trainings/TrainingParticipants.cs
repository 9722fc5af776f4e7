using Applicants.Contracts;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Domain;
using Mediator;

namespace Mentoring.Application.Trainings;

/// <summary>
/// A training participant is a person of Applicants, checked there (with the caller's province
/// rule) before he is enrolled or his attendance is recorded. A record retired as a duplicate
/// stands for the one it was merged into, so that one person never holds two enrolments.
/// </summary>
internal static class TrainingParticipants
{
    // Merges are one hop in practice; the bound only guards against a cycle in bad data.
    private const int MaxMergeHops = 5;

    /// <summary>The live record for <paramref name="personId"/>, or null when Applicants does not know it (or the caller may not see it).</summary>
    public static async Task<Guid?> FindLiveAsync(ISender sender, Guid personId, CancellationToken cancellationToken)
    {
        var id = personId;
        for (var hop = 0; hop <= MaxMergeHops; hop++)
        {
            var found = await sender.Send(new FindPersonsQuery([id]), cancellationToken);
            if (found.Count == 0)
            {
                return null;
            }

            if (found[0].MergedIntoId is not { } kept)
            {
                return id;
            }

            id = kept;
        }

        return null;
    }

    /// <summary>The live record, or a 422 naming the unknown person.</summary>
    public static async Task<Guid> LiveOrRefuseAsync(ISender sender, Guid personId, CancellationToken cancellationToken) =>
        await FindLiveAsync(sender, personId, cancellationToken)
        ?? throw new BusinessRuleException(
            "training.unknown-person",
            new LocalizedText(
                "The person is not a registered project holder (or is outside your provinces).",
                "La personne n'est pas un porteur de projet enregistré (ou est hors de vos provinces).",
                "الشخص ليس حامل مشروع مسجلا (أو خارج أقاليمكم)."));
}
