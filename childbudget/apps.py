from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChildBudgetConfig(AppConfig):
    name = "childbudget"
    verbose_name = _("The child budget")
    # Called by `manage.py load_demo`.
    demo_loader = "childbudget.demo.load_demo"
