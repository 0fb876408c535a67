"""Sweden's public-health policy, browsable and searchable by anyone (as the Convention)."""

from django.shortcuts import get_object_or_404, render

from core.search import search_filter

from .models import PublicHealthPolicy, TargetArea


def target_area_list(request):
    query = request.GET.get("q", "").strip()[:100]
    areas = TargetArea.objects.all()
    if query:
        areas = areas.filter(search_filter(query))
    context = {"areas": list(areas), "query": query}
    if request.htmx:
        return render(request, "publichealth/_results.html", context)
    context["policy"] = PublicHealthPolicy.objects.first()
    return render(request, "publichealth/target_area_list.html", context)


def target_area_detail(request, number):
    area = get_object_or_404(TargetArea.objects.select_related("policy"), number=number)
    neighbours = {
        "previous": TargetArea.objects.filter(number__lt=number).order_by("-number").first(),
        "next": TargetArea.objects.filter(number__gt=number).order_by("number").first(),
    }
    return render(request, "publichealth/target_area_detail.html", {"area": area, **neighbours})
