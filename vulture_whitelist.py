"""Dateline's own names that vulture (`make lint`) cannot see used: read by templates, named
in settings or URL configs as dotted paths, set for Wagtail, or required by a signature.

Django's and Wagtail's conventional names (``panels``, ``subpage_types``, ``clean_*``...)
are ignored in pyproject.toml's [tool.vulture] instead. Each line below marks a name as
used everywhere it appears; add a name here only with the reader that vulture cannot see.
"""

from types import SimpleNamespace

_ = SimpleNamespace()

# Named by a setting or a URL config as a dotted path.
_.LockoutBackend  # AUTHENTICATION_BACKENDS
_.locked_out  # AXES_LOCKOUT_CALLABLE
_.DocumentForm  # WAGTAILDOCS_DOCUMENT_FORM_BASE
_.page_not_found  # handler404 in dateline/urls.py
_.server_error  # handler500
_.RenditionCache  # CACHES["renditions"]

# Arguments a caller passes by name: django-axes' lockout callable, anymail's signal.
_.credentials
_.original_response
_.esp_name

# Model fields and properties only templates read (or that are written for the admin).
_.support_url  # core/includes/header.html
_.social_links  # core/includes/footer.html
_.other_amount_url  # core/support_page.html
_.payment_url
_.thank_you_text  # the desk form's landing page
_.show_support_message  # news/includes/calls_to_action.html
_.lead_image_credit  # the article's and episode's templates
_.key_events  # news/includes/key_events.html
_.platform  # multimedia/video_page.html
_.has_signup_form  # core/base.html, core/includes/footer.html
_.newsletter_note  # newsletter's issue page and email
_.email_url  # newsletter/email/issue.html
_.email_image
_.view_count  # set on each story of audience.selectors.popular_articles
_.lead_story  # HomePage: read as lead_story_id
_.last_started_at  # core.PeriodicJob, shown in the Django admin and read by UPDATEs
_.last_finished_at
_.last_error
_.confirmed_at  # newsletter.Subscriber
_.unsubscribed_at
_.send_started_at  # newsletter's issue send log
_.send_finished_at
_.claimed_by
_.attempts
_.sent_at
_.first_seen  # syndication.RepublishedView, shown in its admin report
_.last_seen
_.config  # search.SearchEntry: the text-search configuration of the row
_.confirmed  # django-otp's device field, saved by the set-up view
_.website  # the newsletter form's honeypot field, rendered by name

# Stream block children: their names are the blocks' types in stored JSON and templates.
_.attribution
_.caption
_.alt
_.provider
_.paragraph
_.quote
_.pull_quote
_.embed

# Attributes set for the code that reads them by name: Wagtail's routing and view
# restrictions (core/routing.py), tarfile's member time (core/backups.py), the request a
# Wagtail site setting keeps (core/pagecache.py).
_._wagtail_route_for_request
_._cached_parent_obj
_.get_view_restrictions
_.mtime
_._request

# Card fields a listing's selector sets for core/components/card.html.
_.card_kind
_.card_image

# The admin's import report lists when each run finished (imports/wagtail_hooks.py).
_.finished_at
_.is_pinned  # news.LiveUpdate: set through the live desk's form and pin button
_.format_message  # news.wagtail_hooks: Wagtail's LogFormatter calls it for the History
_.widgets  # desk.forms.LiveUpdateForm.Meta: read by Django's ModelForm
_.priority  # desk.wagtail_hooks.LiveDeskButton: read by Wagtail's page header menu
_._setup  # core.object_storage.PrivateStorage: Django's LazyObject calls it on first use
_._wrapped  # core.object_storage.PrivateStorage: LazyObject's resolved storage

# core.replicas.ReplicaRouter (DATABASE_ROUTERS): Django's database router interface; and
# core.checks' deploy checks, registered with @register(deploy=True).
_.ReplicaRouter
_.db_for_read
_.db_for_write
_.allow_relation
_.allow_migrate
_.check_read_replicas
_.check_storage_writable
_.VarnishBackend  # core.edge: named by WAGTAILFRONTENDCACHE (FRONTEND_CACHE_BACKEND=varnish)
_.purge  # core.edge.VarnishBackend: the method of Wagtail's frontend-cache backend interface
# Model fields the import's bulk writer sets on rows it inserts or updates itself
# (imports/pipeline/bulk.py), read back by Django's field lists, not by name.
_.page_ptr_id
_.draft_title
_.is_permanent
_.index_view_class  # desk.articles.ArticleListingViewSet: read by Wagtail's viewset
_.filterset_class  # desk.articles.ArticleListingViewSet: read by Wagtail's listing view
_.base_form_class  # taxonomy.content.Story: Wagtail builds the page's admin form on it
_.Media  # taxonomy.tagging.TermTagsWidget: Django's form media
_.js  # taxonomy.tagging.TermTagsWidget.Media
_.format_value  # taxonomy.tagging.TermTagsWidget: Django's Widget calls it
_.term_tags  # taxonomy.tagging.TaggedStoryForm: a declared form field
# taxonomy.tagging.TermTagsComparison / TermTagsPanel: called by Wagtail's compare view.
_.has_changed
_.htmldiff
_.get_comparison
_.is_field
_.is_child_relation
_.field_label
