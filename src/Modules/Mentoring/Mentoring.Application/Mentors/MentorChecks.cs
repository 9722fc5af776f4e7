using Applicants.Contracts;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Domain;
using Identity.Contracts;
using Mediator;
using Mentoring.Domain.Mentors;
using Partnerships.Contracts;

namespace Mentoring.Application.Mentors;

/// <summary>What other modules must confirm about a mentor: his organisation is a partner, his provinces exist, his account is a Mentor's.</summary>
internal static class MentorChecks
{
    public static async Task EnsureReferencesExistAsync(MentorDetails details, ISender sender, IStaffDirectory staff, CancellationToken cancellationToken)
    {
        if (details.OrganisationId is { } organisation
            && (await sender.Send(new FindPartnersQuery([organisation]), cancellationToken)).Count == 0)
        {
            throw new BusinessRuleException(
                "mentor.unknown-organisation",
                new LocalizedText("The organisation is not a registered partner.", "L'organisation n'est pas un partenaire enregistré.", "المنظمة ليست شريكا مسجلا."));
        }

        if ((await sender.Send(new FindUnknownProvincesQuery([.. details.Provinces]), cancellationToken)).Count > 0)
        {
            throw new BusinessRuleException(
                "mentor.unknown-province",
                new LocalizedText("A province is not in the reference geography.", "Une province ne figure pas dans la géographie de référence.", "إقليم غير موجود في الجغرافيا المرجعية."));
        }

        if (details.StaffUserId is { } userId)
        {
            var member = await staff.FindAsync(userId, cancellationToken);
            if (member is null || !member.Roles.Contains(Roles.Mentor))
            {
                throw new BusinessRuleException(
                    "mentor.account-not-a-mentor",
                    new LocalizedText("The staff account does not exist or lacks the Mentor role.", "Le compte n'existe pas ou n'a pas le rôle Mentor.", "الحساب غير موجود أو ليس له دور المرشد."));
            }
        }
    }
}
