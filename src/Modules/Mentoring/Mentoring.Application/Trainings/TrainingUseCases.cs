using Applicants.Contracts;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Application.Paging;
using BuildingBlocks.Application.Security;
using BuildingBlocks.Application.Validation;
using BuildingBlocks.Contracts;
using BuildingBlocks.Domain;
using FluentValidation;
using Mediator;
using Mentoring.Application.Abstractions;
using Mentoring.Domain.Trainings;
using Microsoft.EntityFrameworkCore;

namespace Mentoring.Application.Trainings;

/// <summary>Plans a training session; answers its id.</summary>
public sealed record PlanTrainingCommand(
    TrainingTopic? Topic, string? Title, string? Trainer, DateOnly? StartsOn, DateOnly? EndsOn, string? CommuneCode, string? Venue, int? Capacity)
    : ICommand<Guid>, ITrainingInput;

/// <summary>Enrols a project holder in a session.</summary>
public sealed record EnrolInTrainingCommand(Guid TrainingId, Guid? PersonId) : ICommand, IParticipantInput;

/// <summary>Records whether an enrolled project holder attended.</summary>
public sealed record RecordAttendanceCommand(Guid TrainingId, Guid? PersonId, bool? Attended) : ICommand, IAttendanceInput;

public sealed record GetTrainingQuery(Guid TrainingId) : IQuery<TrainingDto>;

/// <summary>A project holder's training record: the sessions he was enrolled in, newest first.</summary>
public sealed record GetTrainingRecordQuery(Guid PersonId) : IQuery<IReadOnlyList<TrainingRecordDto>>;

/// <summary>Training sessions, filtered by topic, province and first day; sorted by <c>startsOn</c> or <c>title</c>.</summary>
/// <param name="Topic">Only sessions on this topic.</param>
/// <param name="ProvinceCode">Only sessions in this province (HCP code).</param>
/// <param name="From">Only sessions ending on or after this day.</param>
/// <param name="Sort">Comma-separated fields among startsOn and title, each prefixed by - for descending order; by startsOn when left out.</param>
public sealed record GetTrainingsQuery(
    TrainingTopic? Topic,
    string? ProvinceCode,
    DateOnly? From,
    int Page = PageDefaults.Page,
    int PageSize = PageDefaults.PageSize,
    string? Sort = null) : IQuery<PagedResult<TrainingDto>>, IPagedQuery;

internal sealed class PlanTrainingCommandValidator : AbstractValidator<PlanTrainingCommand>
{
    public PlanTrainingCommandValidator() => Include(new TrainingInputValidator());
}

internal sealed class EnrolInTrainingCommandValidator : AbstractValidator<EnrolInTrainingCommand>
{
    public EnrolInTrainingCommandValidator() => Include(new ParticipantInputValidator());
}

internal sealed class RecordAttendanceCommandValidator : AbstractValidator<RecordAttendanceCommand>
{
    public RecordAttendanceCommandValidator() => Include(new AttendanceInputValidator());
}

internal sealed class GetTrainingsQueryValidator : AbstractValidator<GetTrainingsQuery>
{
    public GetTrainingsQueryValidator()
    {
        this.RulesForPaging(TrainingHandlers.Sorts);
        RuleFor(q => q.Topic).IsInEnum();
        RuleFor(q => q.ProvinceCode).ProvinceCode();
    }
}

internal sealed class TrainingHandlers(IMentoringDbContext db, ICurrentUser caller, ISender sender, TimeProvider clock)
    : ICommandHandler<PlanTrainingCommand, Guid>,
      ICommandHandler<EnrolInTrainingCommand>,
      ICommandHandler<RecordAttendanceCommand>,
      IQueryHandler<GetTrainingQuery, TrainingDto>,
      IQueryHandler<GetTrainingsQuery, PagedResult<TrainingDto>>,
      IQueryHandler<GetTrainingRecordQuery, IReadOnlyList<TrainingRecordDto>>
{
    internal static readonly SortMap<TrainingSession> Sorts = new SortMap<TrainingSession>()
        .Add("startsOn", t => t.StartsOn)
        .Add("title", t => t.Title)
        .TieBreaker(t => t.Id);

    public async ValueTask<Guid> Handle(PlanTrainingCommand command, CancellationToken cancellationToken)
    {
        MentoringAccess.RefuseMentorOnly(caller);
        var commune = await sender.Send(new FindCommuneQuery(command.CommuneCode!), cancellationToken)
            ?? throw new BusinessRuleException(
                "training.unknown-commune",
                new LocalizedText("The commune is not in the reference geography.", "La commune ne figure pas dans la géographie de référence.", "الجماعة غير موجودة في الجغرافيا المرجعية."));
        var training = TrainingSession.Plan(
            command.Topic!.Value, command.Title!, command.Trainer!, command.StartsOn!.Value, command.EndsOn!.Value,
            commune.Code, commune.ProvinceCode, command.Venue, command.Capacity!.Value, clock.GetUtcNow());
        db.Trainings.Add(training);
        return training.Id.Value;
    }

    public async ValueTask<Unit> Handle(EnrolInTrainingCommand command, CancellationToken cancellationToken)
    {
        var training = await LoadAsync(command.TrainingId, cancellationToken);
        var person = await TrainingParticipants.LiveOrRefuseAsync(sender, command.PersonId!.Value, cancellationToken);
        training.Enrol(person, clock.GetUtcNow());
        return Unit.Value;
    }

    public async ValueTask<Unit> Handle(RecordAttendanceCommand command, CancellationToken cancellationToken)
    {
        var training = await LoadAsync(command.TrainingId, cancellationToken);
        var person = await TrainingParticipants.LiveOrRefuseAsync(sender, command.PersonId!.Value, cancellationToken);
        training.RecordAttendance(person, command.Attended!.Value);
        return Unit.Value;
    }

    public async ValueTask<TrainingDto> Handle(GetTrainingQuery query, CancellationToken cancellationToken)
    {
        var id = new TrainingId(query.TrainingId);
        return await Project(db.Trainings.AsNoTracking().Where(t => t.Id == id)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("training", query.TrainingId);
    }

    public async ValueTask<PagedResult<TrainingDto>> Handle(GetTrainingsQuery query, CancellationToken cancellationToken)
    {
        var trainings = db.Trainings.AsNoTracking();
        if (query.Topic is { } topic)
        {
            trainings = trainings.Where(t => t.Topic == topic);
        }

        if (query.ProvinceCode is { } province)
        {
            trainings = trainings.Where(t => t.ProvinceCode == province);
        }

        if (query.From is { } from)
        {
            trainings = trainings.Where(t => t.EndsOn >= from);
        }

        return await Project(Sorts.Apply(trainings, query.Sort, "startsOn")).ToPageAsync(query, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<TrainingRecordDto>> Handle(GetTrainingRecordQuery query, CancellationToken cancellationToken)
    {
        // Asked by a retired duplicate's id, the record is the kept person's; enrolments made under
        // the retired id before the merge are kept too.
        var live = await TrainingParticipants.FindLiveAsync(sender, query.PersonId, cancellationToken)
            ?? throw new NotFoundException("person", query.PersonId);
        var ids = new[] { query.PersonId, live };
        return await db.Trainings.AsNoTracking()
            .SelectMany(t => t.Enrolments.Where(e => ids.Contains(e.PersonId)), (t, e) => new TrainingRecordDto
            {
                TrainingId = t.Id.Value,
                Topic = t.Topic,
                Title = t.Title,
                StartsOn = t.StartsOn,
                EndsOn = t.EndsOn,
                Attended = e.Attended,
            })
            .OrderByDescending(r => r.StartsOn)
            .ToListAsync(cancellationToken);
    }

    private async Task<TrainingSession> LoadAsync(Guid trainingId, CancellationToken cancellationToken)
    {
        MentoringAccess.RefuseMentorOnly(caller);
        var id = new TrainingId(trainingId);
        return await db.Trainings.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new NotFoundException("training", trainingId);
    }

    private static IQueryable<TrainingDto> Project(IQueryable<TrainingSession> trainings) => trainings.Select(t => new TrainingDto
    {
        Id = t.Id.Value,
        Topic = t.Topic,
        Title = t.Title,
        Trainer = t.Trainer,
        StartsOn = t.StartsOn,
        EndsOn = t.EndsOn,
        CommuneCode = t.CommuneCode,
        ProvinceCode = t.ProvinceCode,
        Venue = t.Venue,
        Capacity = t.Capacity,
        Enrolments = t.Enrolments.OrderBy(e => e.EnrolledOn).Select(e => new EnrolmentDto { PersonId = e.PersonId, EnrolledOn = e.EnrolledOn, Attended = e.Attended }).ToList(),
        Version = t.Version,
    });
}
