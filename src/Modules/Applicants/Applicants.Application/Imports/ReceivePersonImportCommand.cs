using System.Globalization;
using System.Security.Cryptography;
using Applicants.Application.Abstractions;
using Applicants.Domain.Imports;
using BuildingBlocks.Application.Security;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Applicants.Application.Imports;

/// <summary>
/// Keeps a file of registrations for a worker to register line by line on behalf of the caller.
/// Answers the import's id, and whether this very file had already been received from the caller
/// (then nothing new is stored and the earlier import is the answer).
/// </summary>
/// <param name="FileName">The file's name, kept to tell imports apart (e.g. caravane-khemisset-2021-12-04.xlsx).</param>
/// <param name="Format">Csv or Xlsx, from the request's Content-Type.</param>
/// <param name="Content">The file.</param>
public sealed record ReceivePersonImportCommand(string? FileName, ImportFormat Format, byte[] Content) : ICommand<ReceivedImport>;

internal sealed class ReceivePersonImportCommandValidator : AbstractValidator<ReceivePersonImportCommand>
{
    public ReceivePersonImportCommandValidator()
    {
        RuleFor(c => c.FileName).MaximumLength(255);
        RuleFor(c => c.Content).NotEmpty();
    }
}

/// <summary>The import a file became.</summary>
public sealed record ReceivedImport(Guid ImportId, bool AlreadyReceived);

internal sealed class ReceivePersonImportCommandHandler(IApplicantsDbContext db, ICurrentUser caller, TimeProvider clock)
    : ICommandHandler<ReceivePersonImportCommand, ReceivedImport>
{
    public async ValueTask<ReceivedImport> Handle(ReceivePersonImportCommand command, CancellationToken cancellationToken)
    {
        var user = caller.UserId ?? throw new BuildingBlocks.Application.Exceptions.ForbiddenException("Imports are sent by staff.");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(command.Content));
        var earlier = await db.PersonImports.AsNoTracking()
            .Where(i => i.ImportedBy == user && i.Sha256 == sha256)
            .Select(i => (Guid?)i.Id.Value)
            .FirstOrDefaultAsync(cancellationToken);
        if (earlier is { } id)
        {
            return new ReceivedImport(id, AlreadyReceived: true);
        }

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is "ar" or "en" ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : "fr";
        var import = PersonImport.Receive(
            command.FileName,
            command.Format,
            sha256,
            new Importer(user, [.. caller.Roles], [.. caller.Provinces], language),
            clock.GetUtcNow());
        db.PersonImports.Add(import);
        db.PersonImportFiles.Add(PersonImportFile.For(import.Id, command.Content));
        return new ReceivedImport(import.Id.Value, AlreadyReceived: false);
    }
}
