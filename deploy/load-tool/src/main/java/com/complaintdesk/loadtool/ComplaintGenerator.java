package com.complaintdesk.loadtool;

import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A realistic mix of complaints as the channel front ends would post them (SPEC §9 body): Chinese and English texts of
 * 20–800 characters built from templates per category, every channel and complainant type, small images as evidence,
 * some MAJOR triggers (SPEC §8) and some collective bursts — 5 to 8 distinct complainants on the same matter with
 * similar texts, posted one after the other (SPEC §3.6). Deterministic for a seed. Not thread-safe: one sender thread
 * asks for the next complaint.
 */
public final class ComplaintGenerator {

    /** One POST body with what the tool needs to know about it. */
    public record Generated(String idempotencyKey, String body, String category, String channel, boolean english,
                            boolean major, boolean collective, boolean evidence, int contentLength) {
    }

    private record Category(String code, List<String> zh, List<String> en, List<String> remedies) {
    }

    private static final String[] CHANNELS = {"PHONE", "EMAIL", "WEB_FORM", "ONLINE_CHAT", "WALK_IN", "LETTER", "APP",
            "REFERRAL", "MEDIA"};
    private static final double[] CHANNEL_WEIGHTS = {0.28, 0.12, 0.18, 0.12, 0.12, 0.03, 0.10, 0.04, 0.01};
    private static final String[] TYPES = {"CONSUMER", "MERCHANT", "ANCHOR_TENANT", "EMPLOYEE", "OTHER"};
    private static final double[] TYPE_WEIGHTS = {0.72, 0.14, 0.04, 0.04, 0.06};

    private static final String[] PRODUCTS_ZH = {"电饭煲", "羽绒服", "运动鞋", "蓝牙耳机", "婴儿奶粉", "空气净化器", "行李箱", "手机壳", "保温杯", "床上四件套"};
    private static final String[] PRODUCTS_EN = {"rice cooker", "down jacket", "pair of trainers", "bluetooth headset", "baby formula", "air purifier", "suitcase", "phone case", "thermos", "bedding set"};
    private static final String[] PLACES_ZH = {"3F 家电区", "B1 超市", "2F 女装区", "1F 中庭", "4F 美食广场", "5F 影院入口", "B2 停车场", "6F 儿童乐园", "1F 东门", "3F 运动品牌区"};
    private static final String[] PLACES_EN = {"3F appliances", "B1 supermarket", "2F womenswear", "1F atrium", "4F food court", "5F cinema entrance", "B2 car park", "6F kids zone", "1F east gate", "3F sports brands"};
    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "晓东"};
    private static final String[] FIRST_EN = {"Alice", "Ben", "Chloe", "David", "Emma", "Frank", "Grace", "Henry", "Ivy", "Jack", "Lily", "Mark"};
    private static final String[] LAST_EN = {"Smith", "Chen", "Brown", "Wang", "Taylor", "Li", "Wilson", "Zhang", "Evans", "Liu"};

    private static final List<Category> CATEGORIES = List.of(
            new Category("PRODUCT_QUALITY",
                    List.of("上周在{place}买的{product}用了两次就坏了,质量太差。",
                            "{product}刚拆开就发现有裂缝,明显是质量问题。",
                            "买的{product}有异味,用了以后皮肤过敏。"),
                    List.of("The {product} I bought at {place} last week stopped working after two uses.",
                            "The {product} arrived with a crack, clearly a quality defect.",
                            "My new {product} smells of chemicals and the stitching came apart on day one."),
                    List.of("EXCHANGE", "REFUND", "REPAIR")),
            new Category("SERVICE_ATTITUDE",
                    List.of("{place}的店员态度非常恶劣,对我大声呵斥。", "咨询{product}的问题时,服务员爱理不理,还翻白眼。",
                            "收银员态度冷淡,不耐烦地把小票扔给我。"),
                    List.of("The sales assistant at {place} was rude and shouted at me.",
                            "Nobody at {place} bothered to answer my question about the {product}.",
                            "The cashier threw the receipt at me and rolled her eyes."),
                    List.of("APOLOGY", "EXPLANATION")),
            new Category("AFTER_SALES",
                    List.of("{product}报修已经十天了,售后一直没有上门。", "售后热线打了五次都没人接,{product}到现在还没修好。",
                            "说好七天内换货,{product}到现在都没有消息。"),
                    List.of("I reported the broken {product} ten days ago and nobody from after-sales has come.",
                            "The after-sales line never answers and my {product} is still not repaired.",
                            "I was promised a replacement {product} within seven days; nothing has happened."),
                    List.of("REPAIR", "EXCHANGE")),
            new Category("BILLING_REFUND",
                    List.of("在{place}结账时被多收了钱,小票上的价格和标价不一致。", "退货已经两周了,退款{amount}元还没有到账。",
                            "停车费多扣了一次,要求退还。"),
                    List.of("I was overcharged at {place}: the receipt does not match the shelf price.",
                            "I returned the {product} two weeks ago and the refund of {amount} yuan has not arrived.",
                            "The car park charged me twice for one visit."),
                    List.of("REFUND")),
            new Category("FACILITY_ENVIRONMENT",
                    List.of("{place}的空调不制冷,闷热难受。", "{place}的卫生间很脏,地面积水也没人清理。", "{place}的电梯经常停运,排队很久。"),
                    List.of("The air conditioning at {place} does not work and it is stifling.",
                            "The toilets near {place} are filthy and the floor is flooded.",
                            "The escalator at {place} is out of order again."),
                    List.of("REPAIR", "EXPLANATION")),
            new Category("SAFETY_INJURY",
                    List.of("{place}地面湿滑没有警示牌,差点摔倒。", "{place}的玻璃门松动,存在安全隐患。", "{place}的扶梯突然急停,人都摔倒了。"),
                    List.of("The floor at {place} was wet with no warning sign and I nearly fell.",
                            "A glass door at {place} is loose and could fall on someone.",
                            "The escalator at {place} stopped suddenly and people fell over."),
                    List.of("REPAIR", "EXPLANATION")),
            new Category("CONTRACT_PROMISE",
                    List.of("办会员卡时承诺的积分兑换一直没有兑现。", "租赁合同约定的装修补贴至今没有发放。", "宣传说买{product}送安装,结果要另外收费。"),
                    List.of("The loyalty points promised when I joined were never credited.",
                            "The fit-out subsidy in our lease contract has still not been paid.",
                            "Free installation of the {product} was advertised but they now charge for it."),
                    List.of("COMPENSATION", "EXPLANATION")),
            new Category("STAFF_CONDUCT",
                    List.of("{place}的保安推搡顾客,行为粗暴。", "工号{staff}的员工私下索要好处费。", "导购在{place}跟踪顾客并偷拍。"),
                    List.of("A security guard at {place} pushed a customer around.",
                            "Staff member {staff} asked me for a tip to speed things up.",
                            "A promoter at {place} followed customers and took photos of them."),
                    List.of("APOLOGY", "EXPLANATION")),
            new Category("WORKPLACE",
                    List.of("部门主管长期对我进行排挤,排班明显不公。", "同事在工作群里辱骂我,领导不处理。", "加班费一直没有按规定发放,主管说这是惯例。"),
                    List.of("My supervisor keeps giving me the worst shifts and excludes me from meetings.",
                            "A colleague insults me in the team chat and management does nothing.",
                            "My overtime has not been paid for three months."),
                    List.of("EXPLANATION", "OTHER")));

    private static final List<String> DETAILS_ZH = List.of(
            "当时是下午三点左右,店里人不多。", "我保留了小票和聊天记录。", "已经和店长沟通过一次,没有结果。",
            "希望商场能尽快给出处理意见。", "这已经严重影响了我的日常生活。", "我是商场的老顾客了,非常失望。",
            "前台工作人员让我等通知,但一直没有回复。", "同行的朋友可以作证。", "请相关部门认真调查。",
            "我要求在三天内给我答复。");
    private static final List<String> DETAILS_EN = List.of(
            "It happened around three in the afternoon.", "I kept the receipt and the chat history.",
            "I already spoke to the store manager without result.", "Please look into this and reply soon.",
            "This has caused me real inconvenience.", "I have been a loyal customer for years and I am very disappointed.",
            "The desk told me to wait for a call that never came.", "My friend was with me and saw everything.",
            "I expect a written answer within three days.");
    private static final List<String> MAJOR_ZH = List.of("如果不解决,我会联系媒体曝光。", "我已经委托律师处理此事。",
            "我已经向消协投诉了。", "我已拨打12315举报。", "孩子因此摔伤住院,造成人身伤害。", "要求赔偿三万元损失。");
    private static final List<String> MAJOR_EN = List.of("If this is not fixed I will go to the media.",
            "My lawyer is now handling this matter.", "I have already complained to the consumer association.",
            "I reported this to the 12315 hotline.", "My child was injured and had to go to hospital.",
            "I demand compensation of 30,000 yuan.");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Random random;
    private final LoadOptions options;
    private final Clock clock;
    private final List<String> images;
    private final Deque<Generated> burst = new ArrayDeque<>();
    private final String runId;
    private long sequence;

    public ComplaintGenerator(LoadOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.random = new Random(options.seed());
        this.images = List.of(png(8, 1), png(32, 2), png(96, 3));
        this.runId = Long.toString(Math.abs(new Random().nextLong()), 36);
    }

    public Generated next() {
        if (!burst.isEmpty()) {
            return burst.poll();
        }
        // a burst of 6.5 members on average: a share f of complaints in bursts needs a start probability f / (6.5 - 5.5 f)
        double f = options.collectiveShare();
        if (f > 0 && random.nextDouble() < f / (6.5 - 5.5 * f)) {
            fillBurst();
            return burst.poll();
        }
        Category c = pick(CATEGORIES);
        boolean english = random.nextDouble() < options.englishShare();
        boolean major = random.nextDouble() < options.majorShare();
        return build(c, english, major, false, null, null, targetLength());
    }

    private void fillBurst() {
        Category c = CATEGORIES.get(random.nextInt(5)); // product, attitude, after-sales, billing, facility
        boolean english = random.nextDouble() < options.englishShare();
        String place = english ? pick(PLACES_EN) : pick(PLACES_ZH);
        int template = random.nextInt(english ? c.en().size() : c.zh().size());
        int size = 5 + random.nextInt(4);
        for (int i = 0; i < size; i++) {
            burst.add(build(c, english, false, true, place, template, 40 + random.nextInt(120)));
        }
    }

    /** Lengths 20–800, most short: a log-uniform draw. */
    private int targetLength() {
        return (int) Math.round(Math.exp(Math.log(20) + random.nextDouble() * (Math.log(800) - Math.log(20))));
    }

    private Generated build(Category c, boolean english, boolean major, boolean collective, String fixedPlace,
                            Integer fixedTemplate, int length) {
        String place = fixedPlace != null ? fixedPlace : english ? pick(PLACES_EN) : pick(PLACES_ZH);
        String product = english ? pick(PRODUCTS_EN) : pick(PRODUCTS_ZH);
        List<String> templates = english ? c.en() : c.zh();
        String template = templates.get(fixedTemplate != null ? fixedTemplate : random.nextInt(templates.size()));
        int amount = 50 + random.nextInt(1500);
        String first = template.replace("{place}", place).replace("{product}", product)
                .replace("{amount}", Integer.toString(amount)).replace("{staff}", "A" + (1000 + random.nextInt(9000)));
        StringBuilder text = new StringBuilder(first);
        String trigger = major ? (english ? pick(MAJOR_EN) : pick(MAJOR_ZH)) : null;
        if (trigger != null) {
            text.append(english ? " " : "").append(trigger);
        }
        int keep = text.length(); // the complaint itself and its trigger are never cut
        List<String> details = english ? DETAILS_EN : DETAILS_ZH;
        while (text.length() < length) {
            text.append(english ? " " : "").append(pick(details));
        }
        String content = text.substring(0, Math.max(keep, Math.min(length, 800))).trim();

        String type = c.code().equals("WORKPLACE") ? "EMPLOYEE" : weighted(TYPES, TYPE_WEIGHTS);
        String channel = weighted(CHANNELS, CHANNEL_WEIGHTS);
        List<String> remedies = new ArrayList<>();
        remedies.add(pick(c.remedies()));
        if (random.nextDouble() < 0.2) {
            String more = pick(List.of("APOLOGY", "EXPLANATION", "COMPENSATION"));
            if (!remedies.contains(more)) {
                remedies.add(more);
            }
        }
        // refund, exchange and compensation need evidence (SPEC §3.3): a front end that asks for them attaches a receipt
        boolean needsEvidence = remedies.stream().anyMatch(r -> r.equals("REFUND") || r.equals("EXCHANGE") || r.equals("COMPENSATION"));
        boolean evidence = needsEvidence || random.nextDouble() < options.evidenceShare();

        long n = ++sequence;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        Map<String, Object> complainant = new LinkedHashMap<>();
        complainant.put("name", english ? pick(FIRST_EN) + " " + pick(LAST_EN) : pick(SURNAMES) + pick(GIVEN));
        complainant.put("phone", String.format("13%d%08d", random.nextInt(10), Math.floorMod(random.nextLong(), 100_000_000L)));
        if (english || random.nextDouble() < 0.3) {
            complainant.put("email", "c" + runId + n + "@example.com");
        }
        complainant.put("type", type);
        body.put("complainant", complainant);
        body.put("content", content);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.ofHours(8));
        body.put("occurredAt", now.minusMinutes(collective ? 5 : random.nextInt(72 * 60)).withNano(0).toString());
        body.put("subject", place);
        if (major && trigger.contains("三万") || major && trigger.contains("30,000")) {
            body.put("claimedAmount", Map.of("amount", new BigDecimal("30000.00"), "currency", "CNY"));
        } else if (random.nextDouble() < 0.35) {
            body.put("claimedAmount", Map.of("amount", BigDecimal.valueOf(amount).setScale(2, RoundingMode.UNNECESSARY), "currency", "CNY"));
        }
        body.put("requestedRemedies", remedies);
        if (random.nextDouble() < 0.25) {
            body.put("requestedDeadline", LocalDate.now(clock).plusDays(3 + random.nextInt(10)).toString());
        }
        if (evidence) {
            int pieces = 1 + (random.nextDouble() < 0.2 ? 1 : 0);
            List<Map<String, Object>> ev = new ArrayList<>();
            for (int i = 0; i < pieces; i++) {
                ev.add(Map.of("name", (i == 0 ? "receipt-" : "photo-") + n + ".png", "contentType", "image/png",
                        "contentBase64", pick(images)));
            }
            body.put("evidence", ev);
        }
        body.put("recordedBy", channel.equals("WALK_IN") || channel.equals("PHONE")
                ? "desk-" + String.format("%02d", 1 + random.nextInt(12)) : "load-tool");
        String key = "load-" + runId + "-" + n + "-" + UUID.randomUUID();
        return new Generated(key, JSON.writeValueAsString(body), c.code(), channel, english, major, collective,
                evidence, content.length());
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] array) {
        return array[random.nextInt(array.length)];
    }

    private String weighted(String[] values, double[] weights) {
        double r = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i];
            if (r < sum) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** A small noisy PNG of side × side pixels, base64: a photo of a receipt as far as intake can tell. */
    private static String png(int side, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < side; x++) {
            for (int y = 0; y < side; y++) {
                img.setRGB(x, y, r.nextInt(0xFFFFFF));
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
