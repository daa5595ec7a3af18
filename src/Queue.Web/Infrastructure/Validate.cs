using Queue.Silo.Engine;

namespace Queue.Web.Infrastructure;

/// <summary>Small guards for request fields; each refusal names the field, as problem details expect.</summary>
public static class Validate
{
    public const int MaxIdLength = 64;

    public static string Id(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw HallException.Invalid(field, $"{field} is required.");
        if (value.Length > MaxIdLength) throw HallException.Invalid(field, $"{field} is too long.");
        return value;
    }

    public static T Required<T>(T? value, string field) where T : struct =>
        value ?? throw HallException.Invalid(field, $"{field} is required.");

    /// <summary>The body, refused when absent or when it holds a null where a value must be (<see cref="BodyShape"/>).</summary>
    public static T Body<T>(T? body) where T : class
    {
        if (body is null) throw HallException.Invalid("body", "A JSON body is required.");
        BodyShape.Check(body);
        return body;
    }

    public static string? Text(string? value, string field, int max)
    {
        if (value is not null && value.Length > max) throw HallException.Invalid(field, $"{field} is longer than {max} characters.");
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
