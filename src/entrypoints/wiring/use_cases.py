"""Every use case, built per request from the ports above."""

from dishka import Provider, Scope, provide, provide_all

from application.admin.adjust_credits import AdjustCredits
from application.admin.block_user import BlockUser
from application.admin.create_admin import CreateAdmin
from application.admin.get_service_stats import GetServiceStats
from application.admin.list_audit_log import ListAuditLog
from application.admin.list_users import ListUsers
from application.admin.unblock_user import UnblockUser
from application.audit_trail import AuditTrail
from application.auth.authenticate import Authenticate
from application.auth.delete_account import DeleteAccount
from application.auth.email_sign_in import EmailSignIn
from application.auth.export_my_data import ExportMyData
from application.auth.logout import Logout
from application.auth.logout_all import LogoutAll
from application.auth.refresh_session import RefreshSession
from application.auth.request_magic_link import RequestMagicLink
from application.auth.token_pair import SessionTokens
from application.auth.update_profile import UpdateProfile
from application.auth.verify_magic_link import VerifyMagicLink
from application.billing.apply_subscription_event import ApplySubscriptionEvent
from application.billing.expire_period_credits import ExpirePeriodCredits
from application.billing.get_balance import GetBalance
from application.billing.get_receipt import GetReceipt
from application.billing.get_subscription import GetSubscription
from application.billing.handle_payment_event import HandlePaymentEvent
from application.billing.list_payments import ListPayments
from application.billing.open_portal import OpenPortal
from application.billing.set_cancellation import SetCancellation
from application.billing.start_checkout import StartCheckout
from application.billing.subscribe import Subscribe
from application.documents.create_document import CreateDocument
from application.documents.delete_document import DeleteDocument
from application.documents.get_document import GetDocument
from application.documents.in_text_citations import CiteInText
from application.documents.list_documents import ListDocuments
from application.documents.read_own_document import ReadOwnDocument
from application.documents.update_document import UpdateDocument
from application.exports.attach_requirements import AttachRequirements
from application.exports.export_document import ExportDocument
from application.exports.manuscript_builder import ManuscriptBuilder
from application.generation.estimate import EstimateGeneration, GenerationEstimator
from application.generation.generate_outline import GenerateOutline
from application.generation.generate_section import GenerateSection
from application.generation.metered_model import MeteredModel
from application.generation.outline_writer import OutlineWriter
from application.generation.section_writer import SectionWriter
from application.housekeeping import Housekeeping
from application.idempotency.idempotent_call import IdempotentCall
from application.jobs.attempts import EndAttempt
from application.jobs.cancel_job import CancelJob
from application.jobs.claim_jobs import ClaimJobs, KeepLease
from application.jobs.events import JobJournal
from application.jobs.get_job import GetJob, JobEventsSince
from application.jobs.run_job import RunJob
from application.jobs.start_generation import StartGeneration
from application.jobs.write_job_section import WriteJobSection
from application.mail.deliver_outbox import DeliverOutbox
from application.steering.edit_outline import EditOutline
from application.steering.own_sources import AddSource, RemoveSource
from application.steering.section_revisions import ListRevisions, RestoreRevision
from application.steering.verify_section import VerifySection
from application.steering.write_own_text import WriteOwnText


class UseCasesProvider(Provider):
    scope = Scope.REQUEST
    services = provide_all(AuditTrail, SessionTokens, MeteredModel, OutlineWriter, SectionWriter,
                           GenerationEstimator)
    auth = provide_all(RequestMagicLink, VerifyMagicLink, RefreshSession, Logout, LogoutAll,
                       Authenticate, ExportMyData, DeleteAccount, UpdateProfile, EmailSignIn)
    documents = provide_all(CreateDocument, GetDocument, ListDocuments, UpdateDocument,
                            DeleteDocument)
    read_own_document = provide(ReadOwnDocument, scope=Scope.APP)  # every part is APP-wide
    generation = provide_all(GenerateOutline, GenerateSection, GetBalance, EstimateGeneration)
    steering = provide_all(EditOutline, WriteOwnText, VerifySection, ListRevisions,
                           RestoreRevision, AddSource, RemoveSource)
    jobs = provide_all(JobJournal, StartGeneration, GetJob, JobEventsSince, CancelJob, RunJob,
                       WriteJobSection,
                       EndAttempt, ClaimJobs, KeepLease, IdempotentCall)
    exports = provide_all(ManuscriptBuilder, ExportDocument, AttachRequirements, CiteInText)
    billing = provide_all(StartCheckout, HandlePaymentEvent, ListPayments, GetReceipt)
    plans = provide_all(ApplySubscriptionEvent, Subscribe, GetSubscription, SetCancellation,
                        OpenPortal, ExpirePeriodCredits)
    admin = provide_all(AdjustCredits, GetServiceStats, ListUsers, BlockUser, UnblockUser,
                        ListAuditLog)
    background = provide_all(DeliverOutbox, Housekeeping, CreateAdmin)
