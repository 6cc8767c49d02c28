"""The newsroom's roles as Django groups, with Wagtail page and collection permissions.

Each edition (a locale's home page, a child of the tree's root) gets two groups:
"<Edition> contributors" write drafts and submit them for review; "<Edition> editors" review
them and publish, in that edition only. "Administrators" manage users and settings. Each
edition's pages go through its own review workflow ("<Edition> desk review").
"""

from collections.abc import Callable

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

ADMINISTRATORS = "Administrators"
CONTRIBUTOR_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# Media are shared by both editions: every desk may upload and pick images and documents;
# editors may also change and delete them.
CONTRIBUTOR_MEDIA_PERMISSIONS = ["add_image", "choose_image", "add_document", "choose_document"]
EDITOR_MEDIA_PERMISSIONS = [*CONTRIBUTOR_MEDIA_PERMISSIONS, "change_image", "change_document"]
ADMIN_MEDIA_PERMISSIONS = [*EDITOR_MEDIA_PERMISSIONS, "delete_image", "delete_document"]
ADMIN_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "bulk_delete_page"]
# Model permissions: (app_label, codename).
# Any desk may ask for a translation of a story: the translation starts as a draft in the
# other edition (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is off), which only that
# edition's editors can publish.
DESK_MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
]
ADMIN_MODEL_PERMISSIONS = [
    *DESK_MODEL_PERMISSIONS,
    *[
        ("auth", f"{action}_{model}")
        for model in ("user", "group")
        for action in ("add", "change", "delete", "view")
    ],  # fmt: skip
    ("core", "change_sitesettings"),
    *[("wagtailcore", f"{action}_site") for action in ("add", "change", "delete")],
    *[("wagtailredirects", f"{action}_redirect") for action in ("add", "change", "delete")],
    *[("wagtailcore", f"{action}_workflow") for action in ("add", "change", "delete")],
]


def edition_homes(select_related: tuple[str, ...] = ()) -> list[Page]:
    """Each edition's home page: the root's children, one per locale, in locale order. One
    query (the root is found in it)."""
    return list(
        Page.objects.filter(depth=2, locale__in=Locale.objects.all())
        .select_related(*select_related)
        .order_by("locale_id")
    )


def edition_name(home: Page) -> str:
    """'English' or 'Russian': the name of the edition's language, in English."""
    with translation.override("en"):  # group names stay the same whatever the admin's language
        return str(home.locale.get_display_name() or home.locale.language_code)


def contributors_group_name(home: Page) -> str:
    return f"{edition_name(home)} contributors"


def editors_group_name(home: Page) -> str:
    return f"{edition_name(home)} editors"


def workflow_name(home: Page) -> str:
    return f"{edition_name(home)} desk review"


def _permissions(pairs: list[tuple[str, str]]) -> list[Permission]:
    found = []
    for app_label, codename in pairs:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission:  # an app left out of INSTALLED_APPS simply grants nothing
            found.append(permission)
    return found


def _page_permissions(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


def _collection_permissions(group: Group, codenames: list[str]) -> None:
    root = Collection.get_first_root_node()
    for codename in codenames:
        app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )


def _desk_group(name: str, home: Page, page_codenames: list[str], media: list[str]) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(*_permissions(DESK_MODEL_PERMISSIONS))
    _page_permissions(group, home, page_codenames)
    _collection_permissions(group, media)
    return group


def _review_workflow(home: Page, editors: Group) -> Workflow:
    """The edition's workflow: one approval step by its editors, assigned to its home page."""
    workflow, _ = Workflow.objects.get_or_create(
        name=workflow_name(home), defaults={"active": True}
    )
    task, _ = GroupApprovalTask.objects.get_or_create(name=f"{editors.name} approve")
    task.groups.add(editors)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


def administrators_group() -> Group:
    group, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    group.permissions.add(*_permissions(ADMIN_MODEL_PERMISSIONS))
    _page_permissions(group, Page.get_first_root_node(), ADMIN_PAGE_PERMISSIONS)
    _collection_permissions(group, ADMIN_MEDIA_PERMISSIONS)
    return group


@transaction.atomic
def setup_roles(log: Callable[[str], None] = lambda line: None) -> list[Group]:
    """Create or complete the groups, permissions and review workflows of every edition.

    Safe to run again; run it after adding an edition. Returns the groups it set up.
    """
    groups = [administrators_group()]
    for home in edition_homes():
        contributors = _desk_group(
            contributors_group_name(home), home,
            CONTRIBUTOR_PAGE_PERMISSIONS, CONTRIBUTOR_MEDIA_PERMISSIONS,
        )  # fmt: skip
        editors = _desk_group(
            editors_group_name(home), home, EDITOR_PAGE_PERMISSIONS, EDITOR_MEDIA_PERMISSIONS
        )
        _review_workflow(home, editors)
        groups += [contributors, editors]
        log(f"Roles for the {edition_name(home)} edition: {contributors.name}, {editors.name}.")
    return groups


def ensure_desk_accounts(password: str) -> list[str]:
    """The demo's staff: an editor and a contributor per edition ("en-editor",
    "ru-contributor", ...), created once with ``password``. Returns their usernames."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    usernames = []
    for home in edition_homes():
        code = home.locale.language_code
        for role, group_name in [
            ("editor", editors_group_name(home)),
            ("contributor", contributors_group_name(home)),
        ]:
            user, created = User.objects.get_or_create(
                username=f"{code}-{role}",
                defaults={"email": f"{code}-{role}@example.org", "first_name": group_name[:-1]},
            )
            if created:
                user.set_password(password)
                user.save(update_fields=["password"])
            user.groups.add(Group.objects.get(name=group_name))
            usernames.append(user.username)
    return usernames
