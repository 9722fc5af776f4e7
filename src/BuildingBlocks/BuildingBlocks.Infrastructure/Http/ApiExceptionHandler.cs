using System.Net.Sockets;
using System.Text.Json;
using BuildingBlocks.Application.Exceptions;
using BuildingBlocks.Domain;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BuildingBlocks.Infrastructure.Http;

/// <summary>
/// The one place where exceptions become RFC 9457 problem documents: 400 validation (per field),
/// 403, 404, 409 conflict or stale version, 413, 422 broken business rule, 503 database away.
/// Anything else is a 500 with no detail; the stack trace stays in the log.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.RequestAborted.IsCancellationRequested && IsCancellation(exception))
        {
            // The client went away and the work stopped (the unit of work rolled back): nothing went
            // wrong here and nobody reads an answer. The framework's handler catches the plain case
            // first; this one also catches a cancellation wrapped by a library (Npgsql, EF).
            LogAbandoned(logger, httpContext.Request.Method, exception.GetType().Name);
            httpContext.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
            return true;
        }

        var problem = Map(exception, httpContext);
        if (problem.Status >= 500)
        {
            LogUnhandled(logger, exception.GetType().Name, exception);
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Map(Exception exception, HttpContext context) => exception switch
    {
        ValidationException validation => Validation(validation),
        BadHttpRequestException bad => BadRequest(bad),
        BusinessRuleException rule => WithCode(Problem(StatusCodes.Status422UnprocessableEntity, rule.Text.ToString()), rule.Code),
        NotFoundException => Problem(StatusCodes.Status404NotFound, null),
        ForbiddenException => Problem(StatusCodes.Status403Forbidden, ProblemTexts.OutsideProvinces.ToString()),
        ConflictException conflict => Conflict(conflict, context),
        DbUpdateConcurrencyException => WithCode(Problem(StatusCodes.Status409Conflict, ProblemTexts.StaleVersion.ToString()), "concurrency"),
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } =>
            WithCode(Problem(StatusCodes.Status409Conflict, ProblemTexts.Duplicate.ToString()), "duplicate"),
        _ when IsDatabaseUnavailable(exception) => Problem(StatusCodes.Status503ServiceUnavailable, ProblemTexts.Unavailable.ToString()),
        _ => Problem(StatusCodes.Status500InternalServerError, null),
    };

    private static ProblemDetails Validation(ValidationException validation)
    {
        var errors = validation.Errors
            .GroupBy(e => FieldName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ProblemTexts.Title(StatusCodes.Status400BadRequest),
        };
    }

    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            return Problem(bad.StatusCode, null);
        }

        var json = bad.InnerException as JsonException;
        if (json is not null)
        {
            var field = FieldName(json.Path is null or "$" ? "body" : json.Path.TrimStart('$', '.'));
            var message = json.Path is null or "$" ? ProblemTexts.MalformedBody : ProblemTexts.InvalidValue;
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message.ToString()] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = ProblemTexts.Title(StatusCodes.Status400BadRequest),
            };
        }

        // Query-string or route values that do not bind, e.g. "page=abc": the framework names the parameter.
        // A missing body ("... no body was provided", "... not provided from body") is the body's fault,
        // not the parameter's the endpoint happens to bind it to.
        var fromBody = bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase);
        var parameter = fromBody ? null : ParameterName(bad.Message);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [parameter ?? "body"] = [(fromBody ? ProblemTexts.MissingBody : ProblemTexts.InvalidValue).ToString()],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = ProblemTexts.Title(StatusCodes.Status400BadRequest),
        };
    }

    private static ProblemDetails Conflict(ConflictException conflict, HttpContext context)
    {
        var problem = WithCode(Problem(StatusCodes.Status409Conflict, conflict.Text.ToString()), conflict.Code);
        if (conflict.ExistingLocation is not null)
        {
            problem.Extensions["existing"] = conflict.ExistingLocation;
            context.Response.Headers.Location = conflict.ExistingLocation;
        }

        return problem;
    }

    private static ProblemDetails Problem(int status, string? detail) =>
        new() { Status = status, Title = ProblemTexts.Title(status), Detail = detail };

    private static ProblemDetails WithCode(ProblemDetails problem, string code)
    {
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>
    /// "Name" → "name", "Lines[0].Amount" → "lines[0].amount": the JSON names the caller sent.
    /// A header name ("Idempotency-Key") stays as it is.
    /// </summary>
    private static string FieldName(string path) =>
        path.Contains('-', StringComparison.Ordinal)
            ? path
            : string.Join('.', path.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static string? ParameterName(string message)
    {
        // e.g. Failed to bind parameter "int page" from "abc".
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (start < 0 || end < 0)
        {
            return null;
        }

        var declaration = message[(start + 1)..end];
        var name = declaration.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        return name is null ? null : JsonNamingPolicy.CamelCase.ConvertName(name);
    }

    private static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                case PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections }:
                    return true;
                case InvalidOperationException when e.Message.Contains("transient failure", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }

        return false;
    }

    private static bool IsCancellation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OperationCanceledException or IOException)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} abandoned by the client ({Exception}); nothing answered")]
    private static partial void LogAbandoned(ILogger logger, string method, string exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {Exception} answered with a problem document")]
    private static partial void LogUnhandled(ILogger logger, string exception, Exception error);
}
