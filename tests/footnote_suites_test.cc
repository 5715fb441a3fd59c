// placeholder replaced below
#include <gtest/gtest.h>
TEST(FootnoteSuitesTest, Pending) { GTEST_SKIP() << "written next"; }
