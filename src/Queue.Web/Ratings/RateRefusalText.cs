using Microsoft.Extensions.Localization;
using Queue.Display.Shared;

namespace Queue.Web.Ratings;

/// <summary>
/// Why the rating page refused a submit, in the visitor's language. The form comes back with the refusal's
/// code (invalid.{field} for a field), never the exception's text, which is written for API clients.
/// </summary>
public static class RateRefusalText
{
    public static string Of(IStringLocalizer<Texts> T, string? code, int commentMaxLength) => code switch
    {
        null or "" => "",
        "rating.already" => T["本次服务已评价，一次一评，感谢您！"],
        "rating.followUpAlready" => T["您已追加过评价，感谢您！"],
        "rating.followUpNotOpen" => T["差评办结后才能追加评价。"],
        "rating.notServed" => T["办结后即可评价。"],
        "rating.staffCannotRate" => T["工作人员账号不能评价，请退出登录后由办事群众评价。"],
        "invalid.level" => T["请选择满意程度。"],
        "invalid.tags" => T["所选评价标签无效，请重新选择。"],
        "invalid.comment" => T["意见建议不能超过 {0} 字。", commentMaxLength],
        "invalid.phone" => T["回访电话应为5至20位数字（可含空格、短横线），请重新填写。"],
        _ => T["提交未成功，请重试。"],
    };
}
