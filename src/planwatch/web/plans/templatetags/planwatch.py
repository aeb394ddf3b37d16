from django import template

from planwatch.web.plans import judgement, presentation

register = template.Library()

register.filter("number", presentation.number)
register.filter("percent", presentation.percent)
# An assessment's status or outlook code, as the page's language says it.
register.filter("status_label", judgement.status_label)
register.filter("outlook_label", judgement.outlook_label)
