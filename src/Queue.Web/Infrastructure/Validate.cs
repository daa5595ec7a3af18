using Queue.Silo.Engine;

namespace Queue.Web.Infrastructure;

/// <summary>Small guards for request fields; each refusal names the field, as problem details expect.</summary>
public static class Validate
{
    public const int MaxIdLength = 64;

    public static string Id(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw HallException.Invalid(field, "invalid.required", ("field", field));
        if (value.Length > MaxIdLength) throw HallException.Invalid(field, "invalid.tooLong", ("field", field), ("max", MaxIdLength));
        return value;
    }

    public static T Required<T>(T? value, string field) where T : struct =>
        value ?? throw HallException.Invalid(field, "invalid.required", ("field", field));

    /// <summary>The body, refused when absent or when it holds a null where a value must be (<see cref="BodyShape"/>).</summary>
    public static T Body<T>(T? body) where T : class
    {
        if (body is null) throw HallException.Invalid("body", "invalid.required", ("field", "body"));
        BodyShape.Check(body);
        return body;
    }

    public static string? Text(string? value, string field, int max)
    {
        if (value is not null && value.Length > max) throw HallException.Invalid(field, "invalid.tooLong", ("field", field), ("max", max));
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
