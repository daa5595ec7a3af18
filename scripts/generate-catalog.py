#!/usr/bin/env python3
"""Writes a generated matter catalog (事项目录) of N rows as CSV, in the columns QueueHall imports.

Usage: python3 scripts/generate-catalog.py 1000 > catalog.csv
Rows are made up for load and import checks (50 departments × themes); they are not a real hall's catalog.
"""
import csv, sys

themes = [("社会民生类", "A"), ("企业设立类", "B"), ("经营许可类", "C"), ("工程建设类", "D"), ("公安专项类", "E"), ("税务专项类", "F")]
kinds = ["登记", "变更", "注销", "备案", "核准", "证明开具", "补证", "年检", "审批", "咨询"]
n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
w = csv.writer(sys.stdout, lineterminator="\n")
w.writerow(["事项编码(id)", "主题(category)", "号票前缀(prefix)", "事项名称(name)", "英文名称(nameEn)", "标准办理分钟(normMinutes)",
            "可预约(bookable)", "申请材料(materials)", "办理流程(steps)", "办理时限(timeLimit)", "收费标准(fee)", "设定依据(basis)"])
for i in range(n):
    theme, prefix = themes[i % len(themes)]
    dept = i % 50 + 1
    w.writerow([f"gen-{i + 1:04d}", theme, prefix, f"第{dept}部门 事项{i + 1:04d}{kinds[i % len(kinds)]}", f"Matter {i + 1}",
                str(5 + i % 20), "是" if i % 3 == 0 else "否", "居民身份证\n申请表", "窗口受理\n审核\n办结",
                "即办" if i % 2 == 0 else f"{i % 20 + 1}个工作日", "不收费", f"《示例条例》第{i % 90 + 1}条"])
