using BuildingBlocks.Domain;
using Microsoft.AspNetCore.Http;

namespace BuildingBlocks.Infrastructure.Http;

/// <summary>Problem results for endpoints that answer an error without throwing.</summary>
public static class Problems
{
    public static IResult Unauthorized(LocalizedText detail) =>
        TypedResults.Problem(detail?.ToString(), statusCode: StatusCodes.Status401Unauthorized, title: ProblemTexts.Title(StatusCodes.Status401Unauthorized));

    /// <summary>429 with <c>Retry-After</c> in whole seconds (at least one).</summary>
    public static IResult TooManyRequests(HttpContext context, LocalizedText detail, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail?.ToString(), statusCode: StatusCodes.Status429TooManyRequests, title: ProblemTexts.Title(StatusCodes.Status429TooManyRequests));
    }

    public static IResult NotFound(LocalizedText? detail = null) =>
        TypedResults.Problem(detail?.ToString(), statusCode: StatusCodes.Status404NotFound, title: ProblemTexts.Title(StatusCodes.Status404NotFound));
}
