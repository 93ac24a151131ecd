from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestMemberCard(HttpCase):
    """The e-member card (电子会员卡): its number scanned at the till, its page from the
    member's link (without logging in) or in the member's portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        Grade = cls.env["retail.customer.grade"]
        Pricelist = cls.env["product.pricelist"]
        cls.entry = Grade.create(
            {
                "name": "Card Entry Level",
                "pricelist_id": Pricelist.create({"name": "Card Entry Prices"}).id,
                "retail_member_level": True,
                "retail_level_spend": 0.0,
            }
        )
        cls.gold = Grade.create(
            {
                "name": "Card Gold Level",
                "pricelist_id": Pricelist.create({"name": "Card Gold Prices"}).id,
                "retail_member_level": True,
                "retail_level_spend": 99000.0,
            }
        )
        cls.portal_user = new_test_user(
            cls.env, login="card_member", groups="base.group_portal", lang="en_US"
        )
        cls.member = cls.portal_user.partner_id
        cls.member.retail_grade_id = cls.gold
        cls._give_cards()
        product = cls.env["product.product"].create(
            {"name": "Card Test Tea", "type": "consu", "list_price": 88.0}
        )
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.member.id,
                "order_line": [
                    Command.create({"product_id": product.id, "price_unit": 88.0})
                ],
            }
        )
        cls.order.action_confirm()
        cls.Card = cls.env["retail.member.card"]

    @classmethod
    def _give_cards(cls):
        """120 points, a stored value balance of 300, a valid coupon and a used one."""
        Program = cls.env["loyalty.program"]
        points = Program.create(
            {
                "name": "Card Test Points",
                "program_type": "loyalty",
                "applies_on": "both",
            }
        )
        wallet = Program.create(
            {
                "name": "Card Test Wallet",
                "program_type": "ewallet",
                "applies_on": "future",
                "trigger": "auto",
            }
        )
        coupons = Program.create(
            {
                "name": "Card Birthday Coupon",
                "program_type": "coupons",
                "applies_on": "current",
                "trigger": "with_code",
            }
        )
        Card = cls.env["loyalty.card"]
        cls.points_card = Card.create(
            {"program_id": points.id, "partner_id": cls.member.id, "points": 120}
        )
        cls.wallet_card = Card.create(
            {"program_id": wallet.id, "partner_id": cls.member.id, "points": 300}
        )
        cls.coupon = Card.create(
            {
                "program_id": coupons.id,
                "partner_id": cls.member.id,
                "points": 1,
                "expiration_date": fields.Date.add(fields.Date.today(), days=20),
            }
        )
        cls.used_coupon = Card.create(
            {"program_id": coupons.id, "partner_id": cls.member.id, "points": 0}
        )

    def _check_ean13(self, code):
        self.assertRegex(code, r"^042\d{10}$")
        digits = [int(d) for d in code]
        total = sum(digits[:-1:2]) + 3 * sum(digits[1:-1:2])
        self.assertEqual((10 - total % 10) % 10, digits[-1])

    def test_card_link_shows_the_card_without_logging_in(self):
        url = self.Card._url(self.member)
        path = url[url.index("/member_card/") :]
        self.authenticate(None, None)  # a visitor: no user, the database only
        response = self.url_open(path)
        self.assertEqual(response.status_code, 200)
        code = self.member.barcode
        self._check_ean13(code)
        self.assertEqual(code, self.Card._code_for(self.member.id))
        page = response.text
        for expected in (
            self.member.name,
            code,
            f"/report/barcode/QR/{code}",
            f"/report/barcode/EAN13/{code}",
            "Card Gold Level",
            "120",  # points
            "300.00",  # stored value balance
            self.coupon.code,
            self.order.name,
            f"{self.order.amount_total:.2f}",
        ):
            self.assertIn(expected, page)
        self.assertNotIn(self.used_coupon.code, page)
        # the images of the code are served to anyone
        image = self.url_open(f"/report/barcode/EAN13/{code}?width=320&height=80")
        self.assertEqual(image.status_code, 200)
        self.assertEqual(image.headers["Content-Type"], "image/png")
        # a wrong token, or another member's, shows nothing
        other = self.env["res.partner"].create({"name": "Card Other Member"})
        token = path.rsplit("/", 1)[1]
        self.assertEqual(
            self.url_open(f"/member_card/{other.id}/{token}").status_code, 404
        )
        self.assertEqual(
            self.url_open(f"/member_card/{self.member.id}/{token[:-1]}x").status_code,
            404,
        )

    def test_portal_member_sees_their_own_card(self):
        self.authenticate(None, None)
        self.assertEqual(
            self.url_open("/my/member_card").url.split("?")[0][-10:], "/web/login"
        )
        self.authenticate("card_member", "card_member")
        home = self.url_open("/my/home")
        self.assertIn("/my/member_card", home.text)
        page = self.url_open("/my/member_card")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.member.barcode, page.text)
        self.assertIn("Card Gold Level", page.text)
        # the member's statement of each card (core's card history page)
        self.assertIn(f"/my/loyalty_card/{self.wallet_card.id}/history", page.text)

    def test_registration_gives_a_card_number(self):
        """A member registered at the till has a card number at once (scanned at the
        till: core's customer barcode rule, 042, tested with the till's addon)."""
        partner = (
            self.env["res.partner"]
            .with_context(retail_member_registration=True)
            .create({"name": "Card New Member", "mobile": "13900001234"})
        )
        self.assertEqual(partner.retail_grade_id, self.entry)
        self._check_ean13(partner.barcode)
