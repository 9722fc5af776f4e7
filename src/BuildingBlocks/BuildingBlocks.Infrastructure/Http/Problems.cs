using BuildingBlocks.Domain;
using Microsoft.AspNetCore.Http;

namespace BuildingBlocks.Infrastructure.Http;

/// <summary>Problem results for endpoints that answer an error without throwing.</summary>
public static class Problems
{
    public static IResult Unauthorized(LocalizedText detail) =>
        TypedResults.Problem(detail?.ToString(), statusCode: StatusCodes.Status401Unauthorized, title: ProblemTexts.Title(StatusCodes.Status401Unauthorized));

    public static IResult NotFound(LocalizedText? detail = null) =>
        TypedResults.Problem(detail?.ToString(), statusCode: StatusCodes.Status404NotFound, title: ProblemTexts.Title(StatusCodes.Status404NotFound));
}
