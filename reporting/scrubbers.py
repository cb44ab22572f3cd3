"""Personal data of the reporting app: none to erase.

Reports hold figures and the names of programmes, missions and public
office holders, never contact persons (reporting/rendering/xlsx.py), and a
report never changes once made. Registered in ``ReportingConfig.ready()``
(see config/personal_data.py).
"""

_REPORT = "a generated report: figures, no contact persons or users"

NOT_PERSONAL = {
    "reporting.ReportRun.error": "why generating failed, in words for staff",
    "reporting.ReportRun.figures": _REPORT,
    "reporting.ReportRun.html_file": _REPORT,
    "reporting.ReportRun.pdf_file": _REPORT,
    "reporting.ReportRun.xlsx_file": _REPORT,
    "reporting.ReportRun.docx_file": _REPORT,
    # The history of a run names its files (the draft's and the adopted
    # ones), not their content.
    "reporting.HistoricalReportRun.html_file": _REPORT,
    "reporting.HistoricalReportRun.pdf_file": _REPORT,
    "reporting.HistoricalReportRun.xlsx_file": _REPORT,
    "reporting.HistoricalReportRun.docx_file": _REPORT,
}
