"""`{% load access %}`: the navigation asks accounts.permissions which pages to list, so a
person is shown the pages they may open and only those."""

from django import template

from planwatch.web.accounts import permissions

register = template.Library()

register.filter("may_report", permissions.may_report)
register.filter("has_role", permissions.has_role)


@register.simple_tag(takes_context=True)
def plan_pages(context, plan):
    """`{% plan_pages plan as pages %}`: the plan's pages the signed-in person may open."""
    return permissions.plan_pages(context["user"], plan)
