using Microsoft.AspNetCore.Components;
using Queue.Silo.Ratings;

namespace Queue.Display.Shared;

/// <summary>The five rating faces as inline SVG: the mouth curves from a broad smile (非常满意) to a deep frown (非常不满意).</summary>
public static class RatingFace
{
    public static MarkupString Svg(RatingLevel level)
    {
        var curve = level switch
        {
            RatingLevel.VerySatisfied => 16,
            RatingLevel.Satisfied => 9,
            RatingLevel.BasicallySatisfied => 0,
            RatingLevel.Dissatisfied => -8,
            _ => -14,
        };
        var mouthY = curve >= 0 ? 40 : 48;
        return new MarkupString(
            $"<svg viewBox=\"0 0 64 64\" aria-hidden=\"true\"><circle cx=\"32\" cy=\"32\" r=\"29\" class=\"face\"/>" +
            "<circle cx=\"22\" cy=\"25\" r=\"4\" class=\"eye\"/><circle cx=\"42\" cy=\"25\" r=\"4\" class=\"eye\"/>" +
            $"<path d=\"M18 {mouthY} Q32 {mouthY + curve} 46 {mouthY}\" class=\"mouth\"/></svg>");
    }
}
