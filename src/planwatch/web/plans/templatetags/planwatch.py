from django import template

from planwatch.web.plans import presentation

register = template.Library()

register.filter("number", presentation.number)
register.filter("percent", presentation.percent)
