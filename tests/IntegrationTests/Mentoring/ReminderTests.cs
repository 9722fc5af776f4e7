using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using BuildingBlocks.Application.Email;
using BuildingBlocks.Application.Messaging;
using BuildingBlocks.Infrastructure.Messaging;
using Financing.Contracts;
using Financing.Infrastructure.Persistence;
using Hangfire;
using Hangfire.Storage;
using IntegrationTests.Infrastructure;
using MailKit.Net.Smtp;
using Mentoring.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationTests.Mentoring;

/// <summary>Records every email the host sends (and can be told to fail), then writes it to the pickup directory as usual.</summary>
public sealed class RecordingEmailSender(IEmailSender inner) : IEmailSender
{
    public ConcurrentQueue<EmailMessage> Sent { get; } = new();

    /// <summary>Makes the next sends throw this, until set back to null.</summary>
    public Func<Exception>? Failure { get; set; }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (Failure is { } failure)
        {
            throw failure();
        }

        await inner.SendAsync(message, cancellationToken);
        Sent.Enqueue(message);
    }
}

/// <summary>A clock a test sets at will, backwards too (FakeTimeProvider only moves forward).</summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void SetUtcNow(DateTimeOffset now) => Interlocked.Exchange(ref _ticks, now.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

public sealed class ReminderFactory : ApiFactory
{
    public ReminderFactory()
    {
        // Near the real time: tokens issued on the fake clock are checked against the real one.
        Clock = new SettableClock(Start);
        With("Mentoring:Reminders:Cron", "30 7 * * *");
        With("Reminders:RetryDelay", "00:00:00");
        With("Reminders:MaxAttempts", "3");
        WithServices(services =>
        {
            var inner = services.Single(d => d.ServiceType == typeof(IEmailSender));
            services.Remove(inner);
            services.AddSingleton(sp => new RecordingEmailSender((IEmailSender)inner.ImplementationFactory!(sp)));
            services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<RecordingEmailSender>());
        });
    }

    public static DateTimeOffset Start { get; } = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());

    public SettableClock FakeClock => (SettableClock)Clock!;

    public RecordingEmailSender Emails => Services.GetRequiredService<RecordingEmailSender>();
}

/// <summary>
/// The daily reminder job with a fake clock: one message per mentor and day listing due and
/// overdue visits, escalations to the coordinator, arrears alerts; never twice, never lost.
/// Tests run one after the other on one host and clock, each with mentors of its own.
/// </summary>
[Collection("reminders")]
public sealed class ReminderTests : IClassFixture<ReminderFactory>
{
    private readonly ReminderFactory api;

    public ReminderTests(ReminderFactory api)
    {
        this.api = api;
        api.FakeClock.SetUtcNow(ReminderFactory.Start);
    }


    [Fact]
    public async Task A_mentor_gets_one_message_a_day_listing_the_visits_due_soon_and_those_overdue()
    {
        var (mentor, email, projects) = await MentorWithProjectsAsync("fr", 2);
        var dueOn = await FirstDueOnAsync(projects[0]);
        // Two days before the first visits are due: within the 3 days.
        await SetMoroccanDayAsync(dueOn.AddDays(-2));

        await RunJobAsync();
        await RunJobAsync();

        var messages = SentTo(email);
        messages.Should().ContainSingle();
        var message = messages[0];
        message.Language.Should().Be("fr");
        message.DeliveryKey.Should().Be($"visits:{mentor}:{dueOn.AddDays(-2):yyyy-MM-dd}");
        message.TextBody.Should().Contain(projects[0].ToString()[..8]).And.Contain(projects[1].ToString()[..8]);
        message.TextBody.Should().Contain(dueOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        (await api.ScalarAsync<long>($"SELECT count(*) FROM mentoring.reminders WHERE key LIKE 'visits:{mentor}:%'")).Should().Be(1);

        // The next day: a new message; the visits are still due.
        await SetMoroccanDayAsync(dueOn.AddDays(-1));
        await RunJobAsync();
        SentTo(email).Should().HaveCount(2);

        // Nothing is due more than 3 days ahead.
        var (_, quiet, _) = await MentorWithProjectsAsync("fr", 1);
        await RunJobAsync();
        SentTo(quiet).Should().BeEmpty();
    }

    [Fact]
    public async Task An_arabic_mentor_reads_right_to_left_html_with_a_plain_text_alternative_and_overdue_visits_apart()
    {
        var (_, email, projects) = await MentorWithProjectsAsync("ar", 1);
        var dueOn = await FirstDueOnAsync(projects[0]);
        await SetMoroccanDayAsync(dueOn.AddDays(2));

        await RunJobAsync();

        var message = SentTo(email).Should().ContainSingle().Subject;
        message.Language.Should().Be("ar");
        message.HtmlBody.Should().Contain("dir=\"rtl\"").And.Contain("lang=\"ar\"");
        message.TextBody.Should().Contain("متأخرة").And.Contain(projects[0].ToString()[..8]);
        message.Subject.Should().MatchRegex(@"\p{IsArabic}");
    }

    [Fact]
    public async Task A_visit_overdue_beyond_the_limit_is_escalated_to_the_coordinator_once_a_day()
    {
        var coordinator = $"coord.{Guid.NewGuid():N}@example.ma";
        var (_, email, projects) = await MentorWithProjectsAsync("fr", 1, coordinator);
        var dueOn = await FirstDueOnAsync(projects[0]);

        await SetMoroccanDayAsync(dueOn.AddDays(14));
        await RunJobAsync();
        SentTo(coordinator).Should().BeEmpty("14 days late is not yet more than 14");

        await SetMoroccanDayAsync(dueOn.AddDays(15));
        await RunJobAsync();
        await RunJobAsync();

        var escalation = SentTo(coordinator).Should().ContainSingle().Subject;
        escalation.TextBody.Should().Contain(projects[0].ToString()[..8]);
        SentTo(email).Should().HaveCount(2, "the mentor is reminded each day as well");
    }

    [Fact]
    public async Task The_day_is_the_moroccan_one_around_midnight()
    {
        var (mentor, email, projects) = await MentorWithProjectsAsync("fr", 1);
        var dueOn = await FirstDueOnAsync(projects[0]);
        var dayBefore = dueOn.AddDays(-4);
        // 23:30 UTC is already 00:30 the next day in Casablanca (UTC+1): the day is dueOn - 3, within 3 days.
        api.FakeClock.SetUtcNow(new DateTimeOffset(dayBefore.ToDateTime(new TimeOnly(23, 30)), TimeSpan.Zero));

        await RunJobAsync();

        SentTo(email).Should().ContainSingle().Which.DeliveryKey.Should().Be($"visits:{mentor}:{dueOn.AddDays(-3):yyyy-MM-dd}");

        // 22:59 UTC the same Moroccan day again (23:59 local): the same key, nothing more.
        api.FakeClock.SetUtcNow(new DateTimeOffset(dueOn.AddDays(-3).ToDateTime(new TimeOnly(22, 59)), TimeSpan.Zero));
        await RunJobAsync();
        SentTo(email).Should().ContainSingle();
    }

    [Fact]
    public async Task Two_runs_at_once_send_each_reminder_once()
    {
        var mentors = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            mentors.Add((await MentorWithProjectsAsync("fr", 1)).Email);
        }

        var dueOn = await FirstDueOnAsync(await AnyProjectOfAsync(mentors[0]));
        await SetMoroccanDayAsync(dueOn.AddDays(-1));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(RunJobAsync)));

        foreach (var email in mentors)
        {
            SentTo(email).Should().ContainSingle();
        }
    }

    [Fact]
    public async Task A_reminder_whose_sender_died_while_sending_is_never_sent_again_and_shows_as_failed()
    {
        var (mentor, email, projects) = await MentorWithProjectsAsync("fr", 1);
        var dueOn = await FirstDueOnAsync(projects[0]);
        await SetMoroccanDayAsync(dueOn.AddDays(-1));
        var key = $"visits:{mentor}:{dueOn.AddDays(-1):yyyy-MM-dd}";
        // As a host leaves it when killed after the SMTP server took the message: claimed, not marked sent.
        var day = dueOn.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var claimed = api.FakeClock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await api.ExecuteAsync(
            "INSERT INTO mentoring.reminders (key, kind, recipient, language, payload, status, attempts, next_attempt_on, created_on, claimed_on) "
            + $"VALUES ('{key}', 'visits', '{email}', 'fr', '{{\"day\":\"{day}\",\"visits\":[]}}', 'Sending', 1, now(), now(), '{claimed}')");

        await RunJobAsync();
        SentTo(email).Should().BeEmpty();

        api.FakeClock.Advance(TimeSpan.FromMinutes(16));
        await RunJobAsync();

        SentTo(email).Should().BeEmpty();
        var failed = await FailedAsync();
        failed.Should().Contain(r => r.GetProperty("key").GetString() == key && r.GetProperty("lastError").GetString()!.Contains("interrupted"));
        // As the issue writes it: the status in lower case lists the same.
        var admin = await api.AdminClientAsync();
        var lower = await admin.GetFromJsonAsync<JsonElement>("/api/v1/mentoring/reminders?status=failed&pageSize=200");
        lower.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("key").GetString()).Should().Contain(key);
    }

    [Fact]
    public async Task An_smtp_failure_is_retried_by_hangfire_and_a_lasting_one_is_recorded_as_failed()
    {
        var (mentor, email, projects) = await MentorWithProjectsAsync("fr", 1);
        var dueOn = await FirstDueOnAsync(projects[0]);
        await SetMoroccanDayAsync(dueOn.AddDays(-1));
        api.Emails.Failure = () => new IOException("connection reset");
        try
        {
            // A failure that may pass fails the job, so that Hangfire retries it with back-off.
            var first = async () => await RunJobAsync();
            await first.Should().ThrowAsync<Exception>();
            (await api.ScalarAsync<string>($"SELECT status FROM mentoring.reminders WHERE key LIKE 'visits:{mentor}:%'")).Should().Be("Pending");

            api.Emails.Failure = null;
            await RunJobAsync();
            SentTo(email).Should().ContainSingle();
            (await api.ScalarAsync<int>($"SELECT attempts FROM mentoring.reminders WHERE key LIKE 'visits:{mentor}:%'")).Should().Be(2);

            // A server that refuses the mailbox for good: failed at once, listed for an operator.
            var (_, refused, others) = await MentorWithProjectsAsync("fr", 1);
            await SetMoroccanDayAsync(dueOn.AddDays(-1));
            api.Emails.Failure = () => new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "no such user");
            await RunJobAsync();
            (await FailedAsync()).Should().Contain(r => r.GetProperty("recipient").GetString() == refused && r.GetProperty("lastError").GetString()!.Contains("550"));
        }
        finally
        {
            api.Emails.Failure = null;
        }
    }

    [Fact]
    public async Task A_loan_in_arrears_alerts_the_projects_mentor_once()
    {
        var (_, email, projects) = await MentorWithProjectsAsync("ar", 1);
        var arrears = new LoanFellIntoArrearsIntegrationEvent(Guid.NewGuid(), projects[0], Guid.NewGuid(), 12, "1-30", 1500.00m, new DateOnly(2026, 11, 26), api.FakeClock.GetUtcNow());

        await PublishAsync(arrears);
        await PublishAsync(arrears with { Id = Guid.NewGuid() });

        await Eventually.Until(
            () => api.ScalarAsync<long>($"SELECT count(*) FROM mentoring.reminders WHERE kind = 'arrears' AND recipient = '{email}'"),
            n => n == 1);
        // The two deliveries may be handled at once, and the loser of the race on the key is retried
        // after a delay the inbox reads on the host's clock: the clock moves on while we wait.
        await Eventually.Until(
            () =>
            {
                api.FakeClock.Advance(TimeSpan.FromSeconds(1));
                return api.ScalarAsync<long>("SELECT count(*) FROM mentoring.inbox_messages WHERE processed_on IS NULL AND parked_on IS NULL");
            },
            n => n == 0);
        await RunSenderAsync();
        var alert = SentTo(email).Should().ContainSingle().Subject;
        alert.TextBody.Should().Contain("1-30").And.Contain(projects[0].ToString()[..8]);
        (await api.ScalarAsync<long>($"SELECT count(*) FROM mentoring.reminders WHERE kind = 'arrears' AND recipient = '{email}'")).Should().Be(1);
    }

    [Fact]
    public async Task The_job_recurs_at_the_configured_hour_in_moroccan_time()
    {
        _ = api.Server;
        using var connection = api.Services.GetRequiredService<JobStorage>().GetConnection();

        var job = connection.GetRecurringJobs().Single(j => j.Id == MentorRemindersJob.Id);

        job.Cron.Should().Be("30 7 * * *");
        job.TimeZoneId.Should().BeOneOf("Africa/Casablanca", "Morocco Standard Time");
    }

    [Fact]
    public async Task Only_coordinators_list_reminders()
    {
        var mentor = await api.ClientForAsync(await api.CreateStaffAsync(BuildingBlocks.Application.Security.Roles.Mentor, "02.381"));

        (await mentor.GetAsync("/api/v1/mentoring/reminders?status=Failed")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private List<EmailMessage> SentTo(string email) => api.Emails.Sent.Where(m => m.To == email).ToList();

    private async Task<List<JsonElement>> FailedAsync()
    {
        // Signed in at the start time: a token issued on a day ahead of the real clock would not be valid yet.
        api.FakeClock.SetUtcNow(ReminderFactory.Start);
        var admin = await api.AdminClientAsync();
        return [.. (await admin.GetFromJsonAsync<JsonElement>("/api/v1/mentoring/reminders?status=Failed&pageSize=200")).GetProperty("items").EnumerateArray()];
    }

    private async Task RunJobAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MentorRemindersJob>().RunAsync(CancellationToken.None);
    }

    private async Task RunSenderAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MentorRemindersJob>().SendPendingAsync(CancellationToken.None);
    }

    /// <summary>Puts the clock at 10:00 in Casablanca on that day.</summary>
    private Task SetMoroccanDayAsync(DateOnly day)
    {
        api.FakeClock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        return Task.CompletedTask;
    }

    /// <summary>A mentor with projects assigned at the clock's current time; the clock is put back to the start first.</summary>
    private async Task<(Guid Mentor, string Email, List<Guid> Projects)> MentorWithProjectsAsync(string language, int count, string? coordinator = null)
    {
        api.FakeClock.SetUtcNow(ReminderFactory.Start);
        var client = await api.AdminClientAsync();
        var email = $"mentor.{Guid.NewGuid():N}@example.ma";
        var mentor = await MentoringApi.RegisterMentorAsync(client, MentoringApi.Mentor(language: language, email: email, capacity: 10));
        var projects = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var project = await MentoringApi.ApprovedProjectAsync(api, MentoringApi.Approval(coordinator: coordinator, on: api.FakeClock.GetUtcNow()));
            await MentoringApi.AssignAsync(client, project, mentor);
            projects.Add(project);
        }

        return (mentor, email, projects);
    }

    private async Task<Guid> AnyProjectOfAsync(string email) =>
        Guid.Parse((await api.ScalarAsync<string>($"SELECT p.id::text FROM mentoring.projects p JOIN mentoring.mentors m ON m.id = p.mentor_id WHERE m.email = '{email}' LIMIT 1"))!);

    private async Task<DateOnly> FirstDueOnAsync(Guid project) =>
        DateOnly.Parse((await api.ScalarAsync<string>($"SELECT min(due_on)::text FROM mentoring.visits WHERE project_id = '{project}'"))!, System.Globalization.CultureInfo.InvariantCulture);

    private async Task PublishAsync(LoanFellIntoArrearsIntegrationEvent arrears)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FinancingDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        scope.ServiceProvider.GetRequiredService<IIntegrationEventPublisher>().Publish(arrears);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await unitOfWork.FlushAsync(db, CancellationToken.None);
        await transaction.CommitAsync();
        unitOfWork.Committed();
    }
}
