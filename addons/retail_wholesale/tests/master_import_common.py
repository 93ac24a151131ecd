import base64
import io

from openpyxl import Workbook

from .common import RetailCommon

PRODUCT_HEADER = [
    "商品编码",
    "商品名称",
    "商品分类",
    "品牌",
    "条码",
    "单位",
    "箱规",
    "零售价",
    "成本价",
    "等级价:MI1",
    "等级价:批发二级",
    "主供应商",
    "保质期管理",
    "保质期天数",
]
CUSTOMER_HEADER = [
    "客户名称",
    "客户编码",
    "客户等级",
    "信用额度",
    "联系人",
    "电话",
    "手机",
    "地址",
    "税号",
    "邮箱",
]
SUPPLIER_HEADER = [
    "供应商名称",
    "供应商编码",
    "联系人",
    "电话",
    "地址",
    "税号",
    "开户银行",
    "银行账号",
    "付款条件",
]


def xlsx(*rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(list(row))
    stream = io.BytesIO()
    workbook.save(stream)
    return base64.b64encode(stream.getvalue())


class MasterImportCommon(RetailCommon):
    """Two grades, a supplier and a product; the wizard run as the head office
    administrator."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Pricelist = cls.env["product.pricelist"]
        Grade = cls.env["retail.customer.grade"]
        cls.w1_pricelist = Pricelist.create({"name": "导入一级价"})
        cls.w2_pricelist = Pricelist.create({"name": "导入二级价"})
        cls.w1 = Grade.create(
            {"name": "批发一级", "code": "MI1", "pricelist_id": cls.w1_pricelist.id}
        )
        cls.w2 = Grade.create(
            {"name": "批发二级", "code": "MI2", "pricelist_id": cls.w2_pricelist.id}
        )
        cls.supplier = cls.env["res.partner"].create(
            {"name": "测试饮品厂", "is_company": True, "supplier_rank": 1}
        )
        cls.drinks = cls.env["product.category"].create({"name": "导入饮料"})
        cls.juice = cls.env["product.template"].create(
            {
                "name": "橙汁",
                "default_code": "MI-JUICE",
                "list_price": 5.0,
                "categ_id": cls.drinks.id,
            }
        )
        cls.hq_admin = cls.role_users["hq_admin"]
        cls.unit = cls.env.ref("uom.product_uom_unit")
        cls.dozen = cls.env.ref("uom.product_uom_dozen")
        cls.term = cls.env.ref("account.account_payment_term_30days")

    def _import(self, kind, data):
        wizard = (
            self.env["retail.master.import"]
            .with_user(self.hq_admin)
            .create({"kind": kind, "file": data, "filename": f"{kind}.xlsx"})
        )
        wizard.action_import()
        return wizard

    def _download(self, kind):
        wizard = (
            self.env["retail.master.import"]
            .with_user(self.hq_admin)
            .create({"kind": kind})
        )
        action = wizard.action_download_template()
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment_id = int(action["url"].split("/")[-1].split("?")[0])
        return self.env["ir.attachment"].browse(attachment_id).raw
