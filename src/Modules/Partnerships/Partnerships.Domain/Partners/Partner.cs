using System.Globalization;
using System.Text;
using BuildingBlocks.Domain;
using Partnerships.Domain.Partners.Events;
using Partnerships.Domain.Partners.Rules;

namespace Partnerships.Domain.Partners;

/// <summary>
/// An organisation the agency works with: it signs conventions, refers candidates, finances or
/// accompanies projects. A local partner belongs to a province; a national one (HCAR, ANAPEC,
/// a bank) to none.
/// </summary>
public sealed class Partner : AggregateRoot<PartnerId>, IProvinceScoped
{
    private Partner()
    {
        NameKey = string.Empty;
    }

    public string? Name { get; private set; }

    public string? NameAr { get; private set; }

    /// <summary>The name folded for uniqueness: two partners may not share it.</summary>
    public string NameKey { get; private set; }

    public string? Acronym { get; private set; }

    public PartnerType Type { get; private set; }

    public string? ProvinceCode { get; private set; }

    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    /// <summary>The Identifiant Commun de l'Entreprise (15 digits), when the organisation has one.</summary>
    public string? Ice { get; private set; }

    /// <summary>The registration the organisation is known by: trade register, ODCO number, association's receipt.</summary>
    public string? RegistrationNumber { get; private set; }

    /// <summary>The people the agency deals with, in the order given.</summary>
    public IReadOnlyList<PartnerContact> Contacts { get; private set; } = [];

    /// <summary>The provinces or prefectures where the partner acts, beside the one it belongs to.</summary>
    public IReadOnlyList<string> ProvincesOfAction { get; private set; } = [];

    public DateTimeOffset RegisteredOn { get; private set; }

    public DateTimeOffset UpdatedOn { get; private set; }

    public static Partner Register(PartnerDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var partner = new Partner { Id = PartnerId.New(), RegisteredOn = now };
        partner.Apply(details, now);
        partner.Raise(new PartnerRegisteredDomainEvent(partner.Id, partner.Type, partner.ProvinceCode, now));
        return partner;
    }

    public void Update(PartnerDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        Apply(details, now);
        Raise(new PartnerUpdatedDomainEvent(Id, Type, ProvinceCode, now));
    }

    /// <summary>Folds case, accents and spacing: "Crédit  Agricole" and "credit agricole" are one partner.</summary>
    public static string KeyOf(string? name, string? nameAr)
    {
        var source = string.IsNullOrWhiteSpace(name) ? nameAr ?? string.Empty : name;
        var decomposed = source.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || c is '-' or '_' or '.' or ',')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    private void Apply(PartnerDetails details, DateTimeOffset now)
    {
        CheckRule(new PartnerMustBeNamedRule(details.Name, details.NameAr));
        Name = Clean(details.Name);
        NameAr = Clean(details.NameAr);
        NameKey = KeyOf(Name, NameAr);
        Acronym = Clean(details.Acronym)?.ToUpperInvariant();
        Type = details.Type;
        ProvinceCode = Clean(details.ProvinceCode);
        ContactEmail = Clean(details.ContactEmail)?.ToLowerInvariant();
        ContactPhone = Clean(details.ContactPhone);
        Ice = Clean(details.Ice);
        RegistrationNumber = Clean(details.RegistrationNumber)?.ToUpperInvariant();
        Contacts = [.. (details.Contacts ?? []).Select(c => new PartnerContact(c.Name.Trim(), Clean(c.Role), Clean(c.Email)?.ToLowerInvariant(), Clean(c.Phone)))];
        ProvincesOfAction = [.. (details.ProvincesOfAction ?? []).Select(p => p.Trim()).Distinct(StringComparer.Ordinal)];
        UpdatedOn = now;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What a staff member states about a partner when registering or correcting it.</summary>
public sealed record PartnerDetails(
    string? Name,
    string? NameAr,
    string? Acronym,
    PartnerType Type,
    string? ProvinceCode,
    string? ContactEmail,
    string? ContactPhone,
    string? Ice = null,
    string? RegistrationNumber = null,
    IReadOnlyList<PartnerContact>? Contacts = null,
    IReadOnlyList<string>? ProvincesOfAction = null);

/// <summary>A person the agency deals with at a partner.</summary>
/// <param name="Name">The person's name as they write it.</param>
/// <param name="Role">What they do for the partner (president, incubation officer…); optional.</param>
/// <param name="Email">Their address; optional.</param>
/// <param name="Phone">Their telephone number, digits with an optional leading +, spaces, dashes or brackets; optional.</param>
public sealed record PartnerContact(string Name, string? Role, string? Email, string? Phone);
