using Queue.Display.Shared;

namespace Queue.Web.Ratings;

/// <summary>
/// Why the rating page refused a submit, in the visitor's language. The form comes back with the refusal's
/// code (invalid.{field} for a field), never the exception's text, which is written for API clients.
/// </summary>
public static class RateRefusalText
{
    public static string Of(string? code, int commentMaxLength) => code switch
    {
        null or "" => "",
        "rating.already" => L.T("本次服务已评价，一次一评，感谢您！", "This service has been rated already (one rating per service). Thank you!"),
        "rating.followUpAlready" => L.T("您已追加过评价，感谢您！", "You have added your follow-up rating already. Thank you!"),
        "rating.followUpNotOpen" => L.T("差评办结后才能追加评价。", "A follow-up rating opens once your complaint is closed."),
        "rating.notServed" => L.T("办结后即可评价。", "You can rate once the service is done."),
        "rating.staffCannotRate" => L.T("工作人员账号不能评价，请退出登录后由办事群众评价。", "Hall accounts cannot rate; ratings come from citizens only."),
        "invalid.level" => L.T("请选择满意程度。", "Please choose how satisfied you are."),
        "invalid.tags" => L.T("所选评价标签无效，请重新选择。", "A chosen tag is not valid; please choose again."),
        "invalid.comment" => L.T($"意见建议不能超过 {commentMaxLength} 字。", $"The comment can have at most {commentMaxLength} characters."),
        "invalid.phone" => L.T("回访电话应为5至20位数字（可含空格、短横线），请重新填写。", "A call-back number has 5 to 20 digits (spaces and hyphens are fine); please enter it again."),
        _ => L.T("提交未成功，请重试。", "That did not work; please try again."),
    };
}
