using QRCoder;

namespace Queue.Web.Infrastructure;

/// <summary>QR codes as PNG data URLs, for tickets on screen and on paper.</summary>
public static class QrCode
{
    public static string PngDataUrl(string text, int pixelsPerModule = 6)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(pixelsPerModule);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
