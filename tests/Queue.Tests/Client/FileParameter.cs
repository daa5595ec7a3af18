namespace Queue.Tests.Client.Generated;

/// <summary>
/// The upload NSwag's generated client takes for the catalog import (multipart <c>file</c>); its generator references the
/// type but, with our settings, does not emit it.
/// </summary>
public sealed class FileParameter(Stream data, string? fileName = null, string? contentType = null)
{
    public Stream Data { get; } = data;
    public string? FileName { get; } = fileName;
    public string? ContentType { get; } = contentType;
}
