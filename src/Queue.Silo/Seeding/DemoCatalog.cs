using Queue.Silo.Services;

namespace Queue.Silo.Seeding;

/// <summary>
/// The demo city's service catalogue: the six themes of a municipal civic service center, each with a
/// ticket prefix and real-sounding matters with their 办事指南.
/// </summary>
internal static class DemoCatalog
{
    public sealed record Item(string Key, string Name, string Category, string Prefix, double Minutes, bool Bookable, ServiceGuide Guide);

    private static ServiceGuide Guide(string limit, string fee, string basis, string[] materials, string[] steps) =>
        new() { TimeLimit = limit, Fee = fee, Basis = basis, Materials = materials, Steps = steps };

    private static readonly string[] CommonSteps = ["取号等候", "窗口受理、审核材料", "办结或出具受理回执"];

    public static readonly IReadOnlyList<Item> Items =
    [
        new("social-insurance", "社会保险参保登记", "社会民生类", "A", 6, true,
            Guide("即办", "不收费", "《中华人民共和国社会保险法》", ["居民身份证原件", "社会保障卡（如已办理）", "劳动合同或就业登记材料"], CommonSteps)),
        new("medical-reimburse", "医疗费用零星报销", "社会民生类", "A", 8, false,
            Guide("20个工作日", "不收费", "《社会保险经办条例》", ["社会保障卡", "医疗费用原始发票", "费用明细清单", "出院小结（住院提供）", "本人银行账户信息"], CommonSteps)),
        new("provident-fund", "住房公积金提取", "社会民生类", "A", 7, true,
            Guide("即办", "不收费", "《住房公积金管理条例》", ["居民身份证", "购房合同或租赁备案证明", "本人银行卡"], CommonSteps)),
        new("company-setup", "企业设立登记（一照通办）", "企业设立类", "B", 12, true,
            Guide("1个工作日", "不收费", "《中华人民共和国市场主体登记管理条例》", ["公司登记（备案）申请书", "公司章程", "股东主体资格证明", "法定代表人、董事、监事和经理的任职文件", "住所使用证明"], ["网上填报或窗口申请", "窗口审核", "领取营业执照、免费刻章、税务登记一次办结"])),
        new("company-change", "企业变更登记", "企业设立类", "B", 10, true,
            Guide("1个工作日", "不收费", "《中华人民共和国市场主体登记管理条例》", ["变更登记申请书", "股东会决议", "修改后的公司章程或章程修正案", "营业执照正副本"], CommonSteps)),
        new("food-license", "食品经营许可", "经营许可类", "C", 10, true,
            Guide("10个工作日（承诺5个工作日）", "不收费", "《食品经营许可和备案管理办法》", ["食品经营许可申请书", "营业执照复印件", "经营场所平面图和设备布局图", "食品安全管理制度文本"], ["申请受理", "材料审查", "现场核查（如需）", "作出决定、发证"])),
        new("health-license", "公共场所卫生许可", "经营许可类", "C", 9, false,
            Guide("20个工作日", "不收费", "《公共场所卫生管理条例》", ["卫生许可申请表", "营业执照复印件", "场所平面图", "卫生检测报告"], CommonSteps)),
        new("construction-permit", "建筑工程施工许可证核发", "工程建设类", "D", 15, true,
            Guide("3个工作日", "不收费", "《建筑工程施工许可管理办法》", ["施工许可申请表", "建设工程规划许可证", "施工合同", "施工图审查合格书", "质量安全监督手续"], ["工程建设项目审批管理系统申报", "窗口收件", "联合审查", "发证"])),
        new("completion-filing", "竣工验收备案", "工程建设类", "D", 14, false,
            Guide("5个工作日", "不收费", "《房屋建筑和市政基础设施工程竣工验收备案管理办法》", ["竣工验收备案表", "工程竣工验收报告", "消防验收意见或备案凭证", "工程质量保修书"], CommonSteps)),
        new("residence-permit", "居住证办理", "公安专项类", "E", 7, true,
            Guide("15个工作日", "首次申领不收费", "《居住证暂行条例》", ["居民身份证", "近期免冠照片", "居住证明（租赁合同或房产证明）"], CommonSteps)),
        new("exit-entry", "出入境证件申请", "公安专项类", "E", 9, true,
            Guide("7个工作日", "按国家标准收费", "《中华人民共和国出境入境管理法》", ["居民身份证", "出入境证件申请表", "现场采集照片和指纹"], ["取号", "采集照片指纹", "窗口受理", "缴费", "邮寄或自取证件"])),
        new("invoice", "发票领用与代开", "税务专项类", "F", 8, false,
            Guide("即办", "不收费", "《中华人民共和国发票管理办法》", ["经办人身份证件", "税务登记信息", "合同或交易证明（代开）"], CommonSteps)),
        new("tax-declare", "个人所得税汇算清缴咨询", "税务专项类", "F", 9, true,
            Guide("即办", "不收费", "《中华人民共和国个人所得税法》", ["居民身份证", "收入及扣除凭证"], CommonSteps)),
    ];

    /// <summary>The demo's English names of matters (by key), categories and window kinds, as a hall would enter them.</summary>
    public static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>
    {
        ["social-insurance"] = "Social insurance enrolment", ["medical-reimburse"] = "Medical expense reimbursement",
        ["provident-fund"] = "Housing provident fund withdrawal", ["company-setup"] = "Company registration (one licence)",
        ["company-change"] = "Company change registration", ["food-license"] = "Food business licence",
        ["health-license"] = "Public venue hygiene licence", ["construction-permit"] = "Construction permit",
        ["completion-filing"] = "Completion acceptance filing", ["residence-permit"] = "Residence permit",
        ["exit-entry"] = "Exit and entry documents", ["invoice"] = "Invoices: issue and agency",
        ["tax-declare"] = "Individual income tax annual filing advice",
        ["社会民生类"] = "Social services", ["企业设立类"] = "Starting a business", ["经营许可类"] = "Business licences",
        ["工程建设类"] = "Construction projects", ["公安专项类"] = "Public security", ["税务专项类"] = "Taxation",
        ["综合窗口"] = "General service", ["社会民生"] = "Social services", ["企业开办"] = "Starting a business",
        ["经营许可"] = "Business licences", ["工程建设"] = "Construction projects", ["公安出入境"] = "Exit and entry",
        ["公安户政"] = "Household registration", ["税务"] = "Taxation", ["企业综合"] = "Business services",
    };
}
