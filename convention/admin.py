from django.contrib import admin

from .models import Article, ArticleGroup


@admin.register(ArticleGroup)
class ArticleGroupAdmin(admin.ModelAdmin):
    list_display = ["position", "name_sv", "name_en"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["number", "title_sv", "title_en", "group", "is_principle"]
    list_filter = ["group", "is_principle"]
