SELECT body = '<rss><item>a</item></rss>' FROM feeds WHERE id = 1;
