using System.Globalization;
using Applicants.Application.Abstractions;
using Applicants.Application.Imports;
using Applicants.Domain.Geography;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Geography.ImportCommunes;

/// <summary>One line of HCP's communes file, as read: every value may be missing or wrong.</summary>
/// <param name="Line">The line in the file (the header is line 1), for the report.</param>
public sealed record CommuneLine(int Line, string? Code, string? ProvinceCode, string? Kind, string? NameFr, string? NameAr, IReadOnlyList<string> Unstorable);

/// <summary>
/// Adds the communes HCP created and corrects the kind or the names of those it changed, from its
/// file; all lines or none. A commune missing from the file stays: persons and projects refer to it.
/// </summary>
public sealed record ImportCommunesCommand(IReadOnlyList<CommuneLine> Lines) : ICommand<CommuneImportReport>;

/// <summary>What an import of communes changed.</summary>
public sealed record CommuneImportReport : IApiExample<CommuneImportReport>
{
    /// <summary>Data lines read from the file.</summary>
    public int Lines { get; init; }

    /// <summary>Communes that did not exist and were added.</summary>
    public int Added { get; init; }

    /// <summary>Communes whose kind or names changed.</summary>
    public int Corrected { get; init; }

    /// <summary>Communes the file describes exactly as they already were.</summary>
    public int Unchanged { get; init; }

    /// <summary>The codes of the communes added, in file order.</summary>
    public required IReadOnlyList<string> AddedCodes { get; init; }

    /// <summary>The codes of the communes corrected, in file order.</summary>
    public required IReadOnlyList<string> CorrectedCodes { get; init; }

    public static CommuneImportReport Example { get; } = new()
    {
        Lines = 49, Added = 1, Corrected = 1, Unchanged = 47, AddedCodes = ["03.531.09.11"], CorrectedCodes = ["03.531.01.03"],
    };
}

/// <summary>The shape of HCP's communes file, as the import reads it.</summary>
public static class CommuneFile
{
    /// <summary>HCP's whole file has 1,503 lines; a file ten times larger is a mistake.</summary>
    public const int MaxLines = 20_000;

    public static readonly IReadOnlyList<string> Columns = ["code", "province_code", "kind", "name_fr", "name_ar"];
}

internal sealed class ImportCommunesCommandValidator : AbstractValidator<ImportCommunesCommand>
{

    private static readonly LocalizedText Required = new("The value is required.", "La valeur est obligatoire.", "القيمة مطلوبة.");

    private static readonly LocalizedText BadCode = new(
        "A commune code is region.province.cercle.commune, e.g. 03.531.01.01.",
        "Un code de commune s'écrit région.province.cercle.commune, par ex. 03.531.01.01.",
        "رمز الجماعة يكتب جهة.إقليم.دائرة.جماعة، مثلا 03.531.01.01.");

    private static readonly LocalizedText NotItsProvince = new(
        "The province must be the first six characters of the commune's code ({0}).",
        "La province doit être les six premiers caractères du code de la commune ({0}).",
        "يجب أن يكون الإقليم هو الأحرف الستة الأولى من رمز الجماعة ({0}).");

    private static readonly LocalizedText UnknownProvince = new(
        "No province has this code; see GET /api/v1/geography/provinces.",
        "Aucune province ne porte ce code ; voir GET /api/v1/geography/provinces.",
        "لا يوجد إقليم بهذا الرمز؛ انظر GET /api/v1/geography/provinces.");

    private static readonly LocalizedText BadKind = new(
        "The kind is urban or rural.",
        "Le type est urban (urbaine) ou rural (rurale).",
        "النوع هو urban (حضرية) أو rural (قروية).");

    private static readonly LocalizedText TooLong = new(
        "The name is longer than 100 characters.",
        "Le nom dépasse 100 caractères.",
        "يتجاوز الاسم 100 حرف.");

    private static readonly LocalizedText Twice = new(
        "The commune {0} is already on line {1}.",
        "La commune {0} figure déjà à la ligne {1}.",
        "الجماعة {0} مذكورة سابقا في السطر {1}.");

    private static readonly LocalizedText Unstorable = new(
        "The value contains a control character or an invalid character.",
        "La valeur contient un caractère de contrôle ou un caractère invalide.",
        "تحتوي القيمة على حرف تحكم أو حرف غير صالح.");

    public ImportCommunesCommandValidator(IApplicantsDbContext db)
    {
        RuleFor(c => c.Lines).NotEmpty().CustomAsync(async (lines, context, cancellationToken) =>
        {
            var provinces = (await db.Provinces.AsNoTracking().Select(p => p.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                foreach (var failure in Check(line, provinces, seen))
                {
                    context.AddFailure(failure);
                }
            }
        });
    }

    private static IEnumerable<ValidationFailure> Check(CommuneLine line, HashSet<string> provinces, Dictionary<string, int> seen)
    {
        ValidationFailure Fail(string column, LocalizedText text, params object[] values) =>
            new($"lines[{line.Line}].{column}", string.Format(CultureInfo.CurrentCulture, text.ToString(), values));

        foreach (var column in line.Unstorable)
        {
            yield return Fail(column, Unstorable);
        }

        if (line.Code is null)
        {
            yield return Fail("code", Required);
        }
        else if (!System.Text.RegularExpressions.Regex.IsMatch(line.Code, GeographyCodes.CommunePattern))
        {
            yield return Fail("code", BadCode);
        }
        else if (seen.TryGetValue(line.Code, out var first))
        {
            yield return Fail("code", Twice, line.Code, first);
        }
        else
        {
            seen[line.Code] = line.Line;
        }

        if (line.ProvinceCode is null)
        {
            yield return Fail("province_code", Required);
        }
        else if (!provinces.Contains(line.ProvinceCode))
        {
            yield return Fail("province_code", UnknownProvince);
        }
        else if (line.Code is not null && !line.Code.StartsWith(line.ProvinceCode + ".", StringComparison.Ordinal))
        {
            yield return Fail("province_code", NotItsProvince, line.Code.Length >= 6 ? line.Code[..6] : line.Code);
        }

        if (line.Kind is null)
        {
            yield return Fail("kind", Required);
        }
        else if (KindOf(line.Kind) is null)
        {
            yield return Fail("kind", BadKind);
        }

        foreach (var (column, name) in new[] { ("name_fr", line.NameFr), ("name_ar", line.NameAr) })
        {
            if (name is null)
            {
                if (!line.Unstorable.Contains(column))
                {
                    yield return Fail(column, Required);
                }
            }
            else if (name.Length > 100)
            {
                yield return Fail(column, TooLong);
            }
        }
    }

    public static CommuneKind? KindOf(string kind) => EnumText.Parse<CommuneKind>(kind);
}

internal sealed class ImportCommunesCommandHandler(IApplicantsDbContext db, ICurrentUser caller) : ICommandHandler<ImportCommunesCommand, CommuneImportReport>
{
    public async ValueTask<CommuneImportReport> Handle(ImportCommunesCommand command, CancellationToken cancellationToken)
    {
        // The reference geography is the whole country's: only an Admin changes it, whatever his provinces.
        if (!caller.IsInRole(Roles.Admin) && caller.Kind != CallerKind.System)
        {
            throw new ForbiddenException("Only an Admin loads communes.");
        }

        var codes = command.Lines.Select(l => l.Code!).ToList();
        var existing = await db.Communes.Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, cancellationToken);
        var added = new List<string>();
        var corrected = new List<string>();
        foreach (var line in command.Lines)
        {
            var kind = ImportCommunesCommandValidator.KindOf(line.Kind!)!.Value;
            if (existing.TryGetValue(line.Code!, out var commune))
            {
                if (commune.Correct(kind, line.NameFr!, line.NameAr!))
                {
                    corrected.Add(commune.Code);
                }
            }
            else
            {
                db.Communes.Add(new Commune(line.Code!, line.ProvinceCode!, kind, line.NameFr!, line.NameAr!));
                added.Add(line.Code!);
            }
        }

        return new CommuneImportReport
        {
            Lines = command.Lines.Count,
            Added = added.Count,
            Corrected = corrected.Count,
            Unchanged = command.Lines.Count - added.Count - corrected.Count,
            AddedCodes = added,
            CorrectedCodes = corrected,
        };
    }
}
