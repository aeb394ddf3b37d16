"""`{% load planners %}{% if user|is_planner %}`: the navigation's question, asked the same way
as the planners' pages ask it."""

from django import template

from planwatch.web.intake.access import is_planner

register = template.Library()

register.filter("is_planner", is_planner)
