namespace Queue.Silo.Ratings;

/// <summary>
/// 评价渠道 codes of the national 好差评 data interface that GB/T 39046 exports use:
/// 1 PC, 2 mobile, 3 QR code, 4 hall tablet (评价器), 5 other hall terminal, 6 SMS, 7 system default.
/// </summary>
public static class RatingChannels
{
    public static int Code(this RatingChannel channel) => channel switch
    {
        RatingChannel.Pad => 4,
        RatingChannel.Mobile => 2,
        _ => 7,
    };

    public static string Chinese(this RatingChannel channel) => channel switch
    {
        RatingChannel.Pad => "窗口评价器",
        RatingChannel.Mobile => "移动端",
        _ => "系统默认评价",
    };
}
