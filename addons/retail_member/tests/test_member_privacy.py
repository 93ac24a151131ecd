from odoo.tests import TransactionCase, new_test_user, tagged

GROUPS = "retail_wholesale.retail_wholesale_group_"


@tagged("post_install", "-at_install")
class TestMemberPhonePrivacy(TransactionCase):
    """Members' phone numbers (会员手机号) are shown masked to the roles that do not serve
    members: warehouse keepers, buyers, accountants; the till's cashiers, store
    managers and head office see them whole."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        level = cls.env["retail.customer.grade"].create(
            {
                "name": "Privacy Level",
                "pricelist_id": cls.env["product.pricelist"]
                .create({"name": "Privacy Prices"})
                .id,
                "retail_member_level": True,
                "retail_level_spend": 12345.0,
            }
        )
        cls.member = cls.env["res.partner"].create(
            {
                "name": "Privacy Member",
                "mobile": "13912345678",
                "phone": "021-62345678",
                "retail_grade_id": level.id,
            }
        )
        cls.supplier = cls.env["res.partner"].create(
            {"name": "Privacy Supplier", "phone": "13800001111"}
        )
        cls.users = {
            role: new_test_user(cls.env, login=f"privacy_{role}", groups=GROUPS + role)
            for role in (
                "warehouse_keeper",
                "buyer",
                "accountant",
                "cashier",
                "store_manager",
                "hq_admin",
            )
        }

    def _read_as(self, user):
        return self.member.with_user(user).read(["mobile", "phone"])[0]

    def _read(self, role, partner):
        return partner.with_user(self.users[role]).read(["mobile", "phone"])[0]

    def test_roles_not_serving_members_see_their_numbers_masked(self):
        for role in ("warehouse_keeper", "buyer", "accountant"):
            values = self._read(role, self.member)
            self.assertEqual(values["mobile"], "139****5678", role)
            self.assertEqual(values["phone"], "021*****5678", role)
            # web client reads (forms, lists) too
            [web] = self.member.with_user(self.users[role]).web_read({"mobile": {}})
            self.assertEqual(web["mobile"], "139****5678")
            # a supplier's number is not a member's
            self.assertEqual(self._read(role, self.supplier)["phone"], "13800001111")
            # finding the member by their number still works
            found = (
                self.env["res.partner"]
                .with_user(self.users[role])
                .search([("mobile", "=", "13912345678")])
            )
            self.assertEqual(found, self.member)

    def test_roles_serving_members_see_their_numbers(self):
        for role in ("cashier", "store_manager", "hq_admin"):
            self.assertEqual(self._read(role, self.member)["mobile"], "13912345678")

    def test_a_masked_number_saved_back_changes_nothing(self):
        # an office user allowed to edit contacts, not serving members
        clerk = new_test_user(
            self.env,
            login="privacy_clerk",
            groups="base.group_user,base.group_partner_manager",
        )
        self.assertEqual(self._read_as(clerk)["mobile"], "139****5678")
        self.member.with_user(clerk).write(
            {"mobile": "139****5678", "comment": "checked"}
        )
        self.assertEqual(self.member.mobile, "13912345678")
        self.assertIn("checked", self.member.comment)
