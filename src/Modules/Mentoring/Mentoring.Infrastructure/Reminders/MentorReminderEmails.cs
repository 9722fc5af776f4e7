using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using BuildingBlocks.Application.Email;
using BuildingBlocks.Application.Reminders;
using BuildingBlocks.Infrastructure.Reminders;

namespace Mentoring.Infrastructure.Reminders;

/// <summary>
/// The mentoring reminders as emails, in the recipient's language: French, or Arabic as
/// right-to-left HTML, always with a plain-text alternative. Projects are named by the first
/// characters of their id and their commune: the email carries no holder's name.
/// </summary>
internal sealed class MentorReminderEmails : IReminderComposer
{
    public const string Visits = "visits";
    public const string Escalation = "escalation";
    public const string Arrears = "arrears";

    public EmailMessage Compose(Reminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        using var payload = JsonDocument.Parse(reminder.Payload);
        var root = payload.RootElement;
        var arabic = reminder.Language == "ar";
        var (subject, lines) = reminder.Kind switch
        {
            Visits => VisitLines(root, arabic),
            Escalation => EscalationLines(root, arabic),
            Arrears => ArrearsLines(root, arabic),
            _ => throw new InvalidOperationException($"Unknown reminder kind {reminder.Kind}."),
        };
        var greeting = arabic ? "السلام عليكم،" : "Bonjour,";
        var text = new StringBuilder().AppendLine(greeting).AppendLine();
        foreach (var line in lines)
        {
            text.AppendLine(line);
        }

        var html = new StringBuilder()
            .Append(arabic ? "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><body style=\"direction:rtl;text-align:right\">" : "<!DOCTYPE html><html lang=\"fr\"><body>")
            .Append("<p>").Append(WebUtility.HtmlEncode(greeting)).Append("</p>");
        foreach (var line in lines)
        {
            html.Append(line.StartsWith("- ", StringComparison.Ordinal) ? "<p style=\"margin:0 1em\">" : "<p>")
                .Append(WebUtility.HtmlEncode(line)).Append("</p>");
        }

        html.Append("</body></html>");
        return new EmailMessage(reminder.Recipient, reminder.RecipientName, subject, text.ToString(), reminder.Key, html.ToString(), reminder.Language);
    }

    private static (string, List<string>) VisitLines(JsonElement root, bool arabic)
    {
        var day = DateOnly.Parse(root.GetProperty("day").GetString()!, CultureInfo.InvariantCulture);
        var visits = root.GetProperty("visits").EnumerateArray().ToList();
        var overdue = visits.Where(v => DueOn(v) < day).ToList();
        var soon = visits.Where(v => DueOn(v) >= day).ToList();
        var lines = new List<string>();
        if (overdue.Count > 0)
        {
            lines.Add(arabic ? "زيارات التتبع المتأخرة:" : "Visites de suivi en retard :");
            lines.AddRange(overdue.Select(v => Line(v, arabic, day)));
        }

        if (soon.Count > 0)
        {
            lines.Add(arabic ? "زيارات التتبع المستحقة قريبا:" : "Visites de suivi à venir :");
            lines.AddRange(soon.Select(v => Line(v, arabic, day)));
        }

        lines.Add(string.Empty);
        lines.Add(arabic ? "المرجو تسجيل تقرير كل زيارة بعد إنجازها." : "Merci d'enregistrer le rapport de chaque visite une fois faite.");
        var subject = arabic
            ? $"تذكير بزيارات التتبع ({visits.Count})"
            : $"Rappel : {visits.Count} visite(s) de suivi";
        return (subject, lines);
    }

    private static (string, List<string>) EscalationLines(JsonElement root, bool arabic)
    {
        var day = DateOnly.Parse(root.GetProperty("day").GetString()!, CultureInfo.InvariantCulture);
        var visits = root.GetProperty("visits").EnumerateArray().ToList();
        var lines = new List<string> { "Visites de suivi en retard de plus de deux semaines :" };
        lines.AddRange(visits.Select(v => $"{Line(v, arabic, day)} — mentor : {v.GetProperty("mentor").GetString()}"));
        return ($"Escalade : {visits.Count} visite(s) de suivi en retard", lines);
    }

    private static (string, List<string>) ArrearsLines(JsonElement root, bool arabic)
    {
        var project = Short(root.GetProperty("projectId").GetString()!);
        var bucket = root.GetProperty("bucket").GetString();
        var days = root.GetProperty("daysPastDue").GetInt32();
        var amount = root.GetProperty("amountOverdue").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture);
        return arabic
            ? ($"قرض المشروع {project} في وضعية تأخر", [$"قرض المشروع {project} متأخر منذ {days} يوما (الفئة {bucket})، المبلغ المتأخر {amount} درهم.", "المرجو زيارة حامل المشروع في أقرب الآجال."])
            : ($"Prêt en retard : projet {project}", [$"Le prêt du projet {project} a {days} jours de retard (tranche {bucket}), montant impayé {amount} MAD.", "Merci de rendre visite au porteur de projet au plus tôt."]);
    }

    private static DateOnly DueOn(JsonElement visit) => DateOnly.Parse(visit.GetProperty("dueOn").GetString()!, CultureInfo.InvariantCulture);

    private static string Line(JsonElement visit, bool arabic, DateOnly day)
    {
        var due = DueOn(visit);
        var project = Short(visit.GetProperty("projectId").GetString()!);
        var commune = visit.GetProperty("communeCode").GetString();
        var number = visit.GetProperty("number").GetInt32();
        var date = due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var late = day.DayNumber - due.DayNumber;
        return arabic
            ? $"- المشروع {project} (الجماعة {commune})، الزيارة رقم {number}، بتاريخ {date}{(late > 0 ? $"، متأخرة بـ {late} يوما" : string.Empty)}"
            : $"- Projet {project} (commune {commune}), visite n° {number}, prévue le {date}{(late > 0 ? $", en retard de {late} jour(s)" : string.Empty)}";
    }

    private static string Short(string id) => id[..8];
}
